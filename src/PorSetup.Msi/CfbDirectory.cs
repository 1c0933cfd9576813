// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// The directory entries (MS-CFB 2.6) and the walk of their trees: each storage's children form a red-black tree
/// of siblings. Each entry may be reached once; an index, type or name no writer makes is damage.
/// </summary>
internal sealed class CfbDirectory
{
    // Windows Installer nests storages one or two deep (embedded transforms, sub-databases); this bound keeps a
    // crafted chain of storages from exhausting the stack.
    private const int MaxDepth = 32;

    private readonly List<CfbDirectoryEntry> entries;
    private readonly bool[] reached;

    private CfbDirectory(List<CfbDirectoryEntry> entries)
    {
        this.entries = entries;
        reached = new bool[entries.Count];
    }

    public CfbDirectoryEntry Root => entries[0];

    public static CfbDirectory Parse(byte[] data, bool version3)
    {
        var list = new List<CfbDirectoryEntry>(data.Length / CfbConstants.DirectoryEntrySize);
        for (var offset = 0; offset + CfbConstants.DirectoryEntrySize <= data.Length; offset += CfbConstants.DirectoryEntrySize)
        {
            list.Add(CfbDirectoryEntry.Parse(data.AsSpan(offset, CfbConstants.DirectoryEntrySize), version3));
        }

        if (list.Count == 0 || list[0].Type != CfbConstants.TypeRoot)
        {
            throw Damaged("it has no root entry");
        }

        var directory = new CfbDirectory(list);
        directory.reached[0] = true;
        return directory;
    }

    /// <summary>The children of a storage, in tree order, checked, each returned once in the whole file.</summary>
    public List<CfbDirectoryEntry> Children(CfbDirectoryEntry storage, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Damaged($"storages nest more than {MaxDepth} deep");
        }

        var result = new List<CfbDirectoryEntry>();
        var stack = new Stack<CfbDirectoryEntry>();
        var current = Reach(storage.Child);
        while (stack.Count > 0 || current is not null)
        {
            while (current is not null)
            {
                stack.Push(current);
                current = Reach(current.Left);
            }

            current = stack.Pop();
            result.Add(current);
            current = Reach(current.Right);
        }

        RefuseNameTwice(result);
        return result;
    }

    // One name twice in a storage makes a look-up ambiguous: damage. The siblings' order (MS-CFB 2.6.4) is not
    // checked: a reader that reaches every entry once does not need it, and a writer whose comparison differs from
    // ours in some character would otherwise have its sound files refused.
    private static void RefuseNameTwice(List<CfbDirectoryEntry> siblings)
    {
        var names = siblings.Select(entry => entry.Name).ToList();
        names.Sort(CompoundName.Comparer);
        for (var i = 1; i < names.Count; i++)
        {
            if (CompoundName.Comparer.Compare(names[i - 1], names[i]) == 0)
            {
                throw Damaged($"the name '{names[i]}' is used twice in one storage");
            }
        }
    }

    /// <summary>
    /// After the whole tree was walked: a stream or storage that no storage's tree reaches was cut off by a damaged
    /// link, and a copy written from what was reached would silently lose it.
    /// </summary>
    public void RefuseUnreached()
    {
        for (var index = 0; index < entries.Count; index++)
        {
            if (!reached[index] && entries[index].Type is CfbConstants.TypeStream or CfbConstants.TypeStorage)
            {
                throw Damaged($"entry {index} is in no storage's tree");
            }
        }
    }

    private CfbDirectoryEntry? Reach(uint index)
    {
        if (index == CfbConstants.NoStream)
        {
            return null;
        }

        if (index >= entries.Count || reached[index])
        {
            throw Damaged($"entry {index} is outside the directory or reached twice");
        }

        reached[index] = true;
        var entry = entries[(int)index];
        if (entry.Type is not (CfbConstants.TypeStream or CfbConstants.TypeStorage) || !CompoundName.IsValid(entry.Name))
        {
            throw Damaged($"entry {index} has type {entry.Type} or an invalid name");
        }

        return entry;
    }

    private static DamagedFileException Damaged(string detail) => new(FileDamage.Directory, $"The directory of the compound file is broken: {detail}.");
}
