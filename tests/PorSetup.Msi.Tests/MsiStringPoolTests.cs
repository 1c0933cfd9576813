// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi.Tests;

public class MsiStringPoolTests
{
    [Fact]
    public void AddReference_CountsAndReusesFreedSlots()
    {
        var pool = new MsiStringPool(1252);
        var a = pool.AddReference("Alpha");
        var b = pool.AddReference("Beta");

        Assert.Equal(a, pool.AddReference("Alpha"));
        Assert.Equal(2, pool.ReferenceCount(a));

        pool.RemoveReference(b);
        Assert.Equal(0, pool.Find("Beta"));
        Assert.Equal(b, pool.AddReference("Gamma"));
    }

    // (0, refs) starts a long string; one of length 0 would, written back the same way, swallow the next entry.
    [Fact]
    public void ALongStringEntryOfLengthZero_ReadsAsAFreeSlot_AndWritesBackReadable()
    {
        byte[] pool = [0xE4, 0x04, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 5, 0, 1, 0];
        var read = MsiStringPool.Read(pool, "Alpha"u8.ToArray());

        var (poolBytes, dataBytes) = read.Write();
        var again = MsiStringPool.Read(poolBytes, dataBytes);

        Assert.Null(read[1]);
        Assert.Equal("Alpha", read[2]);
        Assert.Null(again[1]);
        Assert.Equal("Alpha", again[2]);
    }

    [Fact]
    public void ALongStringWithNoReferenceLeft_IsWrittenAsAFreeSlot()
    {
        var pool = new MsiStringPool(1252);
        var big = pool.AddReference(new string('x', 70_000));
        var kept = pool.AddReference("kept");
        pool.RemoveReference(big);

        var (poolBytes, dataBytes) = pool.Write();
        var read = MsiStringPool.Read(poolBytes, dataBytes);

        Assert.Null(read[big]);
        Assert.Equal("kept", read[kept]);
    }

    [Theory]
    [InlineData(uint.MaxValue)]
    [InlineData(int.MaxValue)]
    [InlineData(6u)]
    public void ALongStringPastTheStringData_IsDamage(uint length)
    {
        var pool = new byte[12];
        BitConverter.GetBytes(1252u).CopyTo(pool, 0);
        BitConverter.GetBytes(0x0001_0000u).CopyTo(pool, 4);
        BitConverter.GetBytes(length).CopyTo(pool, 8);

        var damage = Assert.Throws<DamagedFileException>(() => MsiStringPool.Read(pool, "Alpha"u8.ToArray()));

        Assert.Equal(FileDamage.StringPool, damage.Damage);
    }

    [Fact]
    public void Write_ThenRead_KeepsIdsCountsAndCodePage()
    {
        var pool = new MsiStringPool(1252);
        var a = pool.AddReference("Stra\u00dfe");
        var hole = pool.AddReference("gone");
        var b = pool.AddReference("kept");
        pool.AddReference("kept");
        pool.RemoveReference(hole);

        var (poolBytes, dataBytes) = pool.Write();
        var read = MsiStringPool.Read(poolBytes, dataBytes);

        Assert.Equal(1252, read.CodePage);
        Assert.False(read.LongReferences);
        Assert.Equal("Stra\u00dfe", read[a]);
        Assert.Null(read[hole]);
        Assert.Equal("kept", read[b]);
        Assert.Equal(2, read.ReferenceCount(b));
        Assert.Equal("Stra\u00dfe".Length, dataBytes.Length - "kept".Length);
    }

    [Fact]
    public void Write_StringOver64KiB_UsesTwoEntries()
    {
        var pool = new MsiStringPool(0);
        var big = new string('x', 70_000);
        var id = pool.AddReference(big);
        var after = pool.AddReference("after");

        var (poolBytes, dataBytes) = pool.Write();
        var read = MsiStringPool.Read(poolBytes, dataBytes);

        Assert.Equal(4 + (3 * 4), poolBytes.Length);
        Assert.Equal(big, read[id]);
        Assert.Equal("after", read[after]);
    }

    [Fact]
    public void Read_LongReferenceFlag_MeansThreeByteReferences()
    {
        var (poolBytes, dataBytes) = new MsiStringPool(65001, longReferences: true).Write();

        var read = MsiStringPool.Read(poolBytes, dataBytes);

        Assert.True(read.LongReferences);
        Assert.Equal(3, read.ReferenceSize);
        Assert.Equal(65001, read.CodePage);
    }

    [MsitoolsFact]
    public void Write_UnchangedPool_IsByteIdentical()
    {
        using var scratch = new ScratchDirectory();
        var root = CompoundFile.Read(TestPackage.Build(scratch));
        var poolName = MsiStreamName.Encode("_StringPool", table: true);
        var dataName = MsiStreamName.Encode("_StringData", table: true);

        var (pool, data) = MsiDatabase.Load(root).Strings.Write();

        Assert.Equal(root.FindStream(poolName)!.Data, pool);
        Assert.Equal(root.FindStream(dataName)!.Data, data);
    }
}
