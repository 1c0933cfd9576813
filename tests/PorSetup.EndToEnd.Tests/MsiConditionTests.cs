// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>The model's condition evaluator on the forms PorSetup's tables use, by Conditional Statement Syntax.</summary>
public sealed class MsiConditionTests
{
    private static readonly Dictionary<string, string> Properties = new()
    {
        ["ALLUSERS"] = "1",
        ["ProductState"] = "-1",
        ["REMOVE"] = "all",
        ["NAME"] = "text",
    };

    [Theory]
    [InlineData("ALLUSERS=1", true)]
    [InlineData("NOT (ALLUSERS=1)", false)]
    [InlineData("ProductState=-1", true)]
    [InlineData("ProductState=1", false)]
    // "Nonexistent property values are treated as empty strings"; an integer compared with one "is always
    // msiEvaluateConditionFalse".
    [InlineData("MISSING=1", false)]
    [InlineData("NOT (MISSING=1)", true)]
    [InlineData("NAME=1", false)]
    [InlineData("REMOVE~=\"ALL\"", true)]
    [InlineData("REMOVE=\"ALL\"", false)]
    [InlineData("NAME~><\"EX\"", true)]
    [InlineData("NAME~><\"m\"", false)]
    [InlineData("NOT (MISSING~><\"m\")", true)]
    [InlineData("Installed OR NAME", true)]
    [InlineData("", true)]
    public void Evaluates(string condition, bool expected)
    {
        Assert.Equal(expected, MsiCondition.Evaluate(condition, Properties));
    }

    [Theory]
    [InlineData("NAME >< \"x\"")]
    [InlineData("ALLUSERS < 2")]
    public void ThrowsOnWhatItCannotRead(string condition)
    {
        Assert.Throws<FormatException>(() => MsiCondition.Evaluate(condition, Properties));
    }
}
