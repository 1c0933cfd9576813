// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build.Tests;

public sealed class ScriptActionsTests
{
    [Theory]
    [InlineData(0x001, 0x500, 0x501)]
    [InlineData(0x822, 0x600, 0xE22)]
    [InlineData(0x422, 0x500, 0x522)]
    public void WithBits_ReplacesOnlyTheExecutionBits(int type, int bits, int expected)
    {
        Assert.Equal(expected, ScriptActions.WithBits(type, bits));
    }
}
