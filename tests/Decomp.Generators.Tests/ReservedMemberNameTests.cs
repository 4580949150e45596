using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Decomp.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Decomp.Generators.Tests;

/// <summary>
/// The member names the Cholesky emitter declares (its <c>MemberNames</c> list, which DECOMP016 checks
/// user members against) are exactly the members of the generated struct, whatever the shape.
/// </summary>
public sealed class ReservedMemberNameTests
{
    public static TheoryData<string> ReservedNames => new(CholeskyMemberNames());

    /// <summary>Order 8 in double fills a Vector512, so every flavor's kernel is emitted.</summary>
    [Fact]
    public void MemberNames_AreExactlyTheMembersOfAFileWithEveryFlavor()
    {
        var declared = GeneratedMemberNames("Size = 8");

        Assert.Equal(CholeskyMemberNames().Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Size = 1")]
    [InlineData("Size = 3")]
    [InlineData("Size = 5, Element = typeof(float)")]
    [InlineData("Size = 32")]
    [InlineData("Size = 32, Element = typeof(float)")]
    public void MemberNames_CoverTheMembersOfEveryShape(string shape)
    {
        var declared = GeneratedMemberNames(shape);

        Assert.Empty(declared.Except(CholeskyMemberNames()));
    }

    [Theory]
    [MemberData(nameof(ReservedNames))]
    public void UserMemberWithAReservedName_ReportsDECOMP016(string name)
    {
        var run = GeneratorHarness.Run($$"""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.Cholesky, Size = 3)]
            public partial struct Clash
            {
                private static void {{name}}() { }
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DECOMP016", diagnostic.Id);
        Assert.Contains($"the name '{name}' for a method", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    private static IReadOnlyList<string> GeneratedMemberNames(string shape)
    {
        var run = GeneratorHarness.Run($$"""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.Cholesky, {{shape}})]
            public partial struct Kernel;
            """);

        var root = Assert.Single(run.Result.GeneratedSources).SyntaxTree.GetRoot();
        var kernel = root.DescendantNodes().OfType<StructDeclarationSyntax>().Single(s => s.Identifier.ValueText == "Kernel");
        return kernel.Members.SelectMany(NamesOf).Distinct().ToList();
    }

    private static IEnumerable<string> NamesOf(MemberDeclarationSyntax member) => member switch
    {
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText),
        MethodDeclarationSyntax method => new[] { method.Identifier.ValueText },
        PropertyDeclarationSyntax property => new[] { property.Identifier.ValueText },
        EventDeclarationSyntax @event => new[] { @event.Identifier.ValueText },
        BaseTypeDeclarationSyntax type => new[] { type.Identifier.ValueText },
        _ => throw new InvalidOperationException($"Unexpected generated member kind: {member.Kind()}"),
    };

    // CholeskyEmitter is internal to the generator; reflection reads its list without InternalsVisibleTo.
    private static IReadOnlyList<string> CholeskyMemberNames()
    {
        var type = typeof(FactorizeGenerator).Assembly.GetType("Decomp.Generators.Emit.CholeskyEmitter", throwOnError: true)!;
        var property = type.GetProperty("MemberNames", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("CholeskyEmitter.MemberNames is missing.");
        return (IReadOnlyList<string>)property.GetValue(null)!;
    }
}
