using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Decomp.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Decomp.Generators.Tests;

/// <summary>
/// The member names each kind's emitter declares (its <c>MemberNames</c> list, which DECOMP016 checks
/// user members against) are exactly the members of the generated struct, whatever the shape.
/// </summary>
public sealed class ReservedMemberNameTests
{
    public static TheoryData<string, string> ReservedNames
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var kind in new[] { "Cholesky", "LU", "Ldlt", "QR", "PivotedQR" })
            {
                foreach (var name in MemberNames(kind))
                {
                    data.Add(kind, name);
                }
            }

            return data;
        }
    }

    /// <summary>
    /// Cholesky of order 8 in double fills a Vector512 and LU of order 16 takes two: every flavor's kernel is emitted (LDLᵀ has one).
    /// QR declares a scratch vector when its columns live in registers (7×3) and a padded workspace when they do not
    /// (20×17, padded to 24 rows): the two files together declare every name. PivotedQR 7×3 always runs from memory, padded.
    /// </summary>
    [Theory]
    [InlineData("Cholesky", "Size = 8")]
    [InlineData("LU", "Size = 16")]
    [InlineData("Ldlt", "Size = 8")]
    [InlineData("QR", "Rows = 7, Columns = 3", "Rows = 20, Columns = 17")]
    [InlineData("PivotedQR", "Rows = 7, Columns = 3")]
    public void MemberNames_AreExactlyTheMembersOfAFileWithEveryFlavor(string kind, string shape, string? otherShape = null)
    {
        var declared = GeneratedMemberNames(kind, shape);
        if (otherShape is not null)
        {
            declared = declared.Union(GeneratedMemberNames(kind, otherShape)).ToList();
        }

        Assert.Equal(MemberNames(kind).Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Cholesky", "Size = 1")]
    [InlineData("Cholesky", "Size = 3")]
    [InlineData("Cholesky", "Size = 5, Element = typeof(float)")]
    [InlineData("Cholesky", "Size = 32")]
    [InlineData("Cholesky", "Size = 32, Element = typeof(float)")]
    [InlineData("LU", "Size = 1")]
    [InlineData("LU", "Size = 3")]
    [InlineData("LU", "Size = 5, Element = typeof(float)")]
    [InlineData("LU", "Size = 32")]
    [InlineData("LU", "Size = 32, Element = typeof(float)")]
    [InlineData("Ldlt", "Size = 1")]
    [InlineData("Ldlt", "Size = 32, Element = typeof(float)")]
    [InlineData("QR", "Size = 1")]
    [InlineData("QR", "Size = 8")]
    [InlineData("QR", "Rows = 6, Columns = 3")]
    [InlineData("QR", "Rows = 32, Columns = 1, Element = typeof(float)")]
    [InlineData("PivotedQR", "Rows = 6, Columns = 3")]
    [InlineData("PivotedQR", "Rows = 32, Columns = 1, Element = typeof(float)")]
    public void MemberNames_CoverTheMembersOfEveryShape(string kind, string shape)
    {
        var declared = GeneratedMemberNames(kind, shape);

        Assert.Empty(declared.Except(MemberNames(kind)));
    }

    [Theory]
    [MemberData(nameof(ReservedNames))]
    public void UserMemberWithAReservedName_ReportsDECOMP016(string kind, string name)
    {
        var run = GeneratorHarness.Run($$"""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.{{kind}}, Size = 3)]
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

    private static IReadOnlyList<string> GeneratedMemberNames(string kind, string shape)
    {
        var run = GeneratorHarness.Run($$"""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.{{kind}}, {{shape}})]
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

    // The emitters are internal to the generator; reflection reads their lists without InternalsVisibleTo.
    private static IReadOnlyList<string> MemberNames(string kind)
    {
        var type = typeof(FactorizeGenerator).Assembly.GetType($"Decomp.Generators.Emit.{kind}Emitter", throwOnError: true)!;
        var property = type.GetProperty("MemberNames", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{kind}Emitter.MemberNames is missing.");
        return (IReadOnlyList<string>)property.GetValue(null)!;
    }
}
