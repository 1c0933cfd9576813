// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;

namespace PorSetup.Msi;

/// <summary>
/// The database string table: _StringPool holds a header (code page, and 0x80000000 when string
/// references are 3 bytes wide) then (length, reference count) per string id; _StringData holds the
/// bytes. Id 0 is the null string. Existing ids never move, because every table refers to them.
/// </summary>
public sealed class MsiStringPool
{
    private const uint LongReferencesFlag = 0x80000000;

    private readonly List<byte[]?> bytes = [null];
    private readonly List<string?> texts = [null];
    private readonly List<int> counts = [0];
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);

    public MsiStringPool(int codePage, bool longReferences = false)
    {
        CodePage = codePage;
        LongReferences = longReferences;
    }

    public int CodePage { get; }

    /// <summary>True when string references in tables take 3 bytes instead of 2.</summary>
    public bool LongReferences { get; }

    public int ReferenceSize => LongReferences ? 3 : 2;

    /// <summary>One more than the highest id.</summary>
    public int Count => bytes.Count;

    public static MsiStringPool Read(byte[] pool, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(data);
        var header = pool.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(pool) : 0;
        var result = new MsiStringPool((int)(header & ~LongReferencesFlag), (header & LongReferencesFlag) != 0);
        var encoding = MsiEncoding.Find(result.CodePage)
            ?? throw Damaged($"the code page {result.CodePage} is not one Windows knows");
        var offset = 0;
        for (var i = 4; i + 4 <= pool.Length;)
        {
            // Ids past what a table's reference can hold are unreachable: no writer makes them.
            if (result.Count >= 1 << (result.ReferenceSize * 8))
            {
                throw Damaged($"it holds more strings than {result.ReferenceSize}-byte references can name");
            }

            int length = BinaryPrimitives.ReadUInt16LittleEndian(pool.AsSpan(i));
            int refs = BinaryPrimitives.ReadUInt16LittleEndian(pool.AsSpan(i + 2));
            i += 4;
            if (length == 0 && refs == 0)
            {
                result.AddSlot(null, null, 0);
                continue;
            }

            if (length == 0)
            {
                // A string of 64 KiB or more: its length follows in the next entry (low word, high word).
                if (i + 4 > pool.Length)
                {
                    throw Damaged("it ends inside a long string entry");
                }

                var longLength = BinaryPrimitives.ReadUInt32LittleEndian(pool.AsSpan(i));
                i += 4;
                length = longLength <= data.Length - offset ? (int)longLength : throw Damaged($"a string of {longLength} bytes runs past the end of the string data");
            }

            if (length > data.Length - offset)
            {
                throw Damaged("a string runs past the end of the string data");
            }

            // A long-string entry of length 0: MSI has no empty string (empty is null), and written back as
            // (0, refs) it would read as the start of another long-string entry.
            if (length == 0)
            {
                result.AddSlot(null, null, 0);
                continue;
            }

            var raw = data.AsSpan(offset, length).ToArray();
            offset += length;
            result.AddSlot(raw, encoding.GetString(raw), refs);
        }

        return result;
    }

    private static DamagedFileException Damaged(string detail) => new(FileDamage.StringPool, $"The string pool is damaged: {detail}.");

    /// <summary>The string for an id; null for id 0 or a free slot.</summary>
    public string? this[int id] => id > 0 && id < texts.Count ? texts[id] : null;

    public int ReferenceCount(int id) => id > 0 && id < counts.Count ? counts[id] : 0;

    /// <summary>The id of a string, or 0 when the pool does not hold it.</summary>
    public int Find(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ids.GetValueOrDefault(value);
    }

    /// <summary>Counts one more reference to the string, adding it (into the first free slot) when absent.</summary>
    public int AddReference(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var id = Find(value);
        if (id == 0)
        {
            id = texts.IndexOf(null, 1);
            if (id < 0)
            {
                id = bytes.Count;
                AddSlot(null, null, 0);
            }

            var raw = MsiEncoding.Get(CodePage).GetBytes(value);
            bytes[id] = raw;
            texts[id] = value;
            ids[value] = id;
        }

        if (id >= 1 << (ReferenceSize * 8))
        {
            throw new InvalidDataException("The string pool is full for 2-byte string references; widening every table is not supported.");
        }

        counts[id] = Math.Min(counts[id] + 1, ushort.MaxValue);
        return id;
    }

    /// <summary>Counts one reference less; a string nothing refers to any more frees its slot.</summary>
    public void RemoveReference(int id)
    {
        if (id <= 0 || id >= counts.Count || texts[id] is null)
        {
            return;
        }

        counts[id]--;
        if (counts[id] <= 0)
        {
            ids.Remove(texts[id]!);
            bytes[id] = null;
            texts[id] = null;
            counts[id] = 0;
        }
    }

    /// <summary>Serializes to the (_StringPool, _StringData) stream pair; free slots stay, so ids do not move.</summary>
    public (byte[] Pool, byte[] Data) Write()
    {
        using var pool = new MemoryStream();
        using var data = new MemoryStream();
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(word, (uint)CodePage | (LongReferences ? LongReferencesFlag : 0));
        pool.Write(word);
        for (var id = 1; id < bytes.Count; id++)
        {
            // A long string's entry starts (0, refs): with no reference left it would read as a free slot then a
            // stray entry, so such a string is written as the free slot it is.
            var raw = bytes[id] is { Length: > ushort.MaxValue } && counts[id] == 0 ? null : bytes[id];
            var length = raw?.Length ?? 0;
            var refs = raw is null ? 0 : counts[id];
            if (length > ushort.MaxValue)
            {
                WritePair(pool, 0, refs);
                WritePair(pool, length & 0xFFFF, length >> 16);
            }
            else
            {
                WritePair(pool, length, refs);
            }

            data.Write(raw ?? []);
        }

        return (pool.ToArray(), data.ToArray());
    }

    private static void WritePair(MemoryStream pool, int low, int high)
    {
        Span<byte> pair = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(pair, (ushort)low);
        BinaryPrimitives.WriteUInt16LittleEndian(pair[2..], (ushort)high);
        pool.Write(pair);
    }

    private void AddSlot(byte[]? raw, string? text, int refs)
    {
        bytes.Add(raw);
        texts.Add(text);
        counts.Add(refs);
        if (text is not null)
        {
            ids.TryAdd(text, bytes.Count - 1);
        }
    }
}
