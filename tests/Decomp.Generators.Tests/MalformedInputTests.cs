using System;
using System.Collections.Generic;
using System.Linq;
using Decomp.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Decomp.Generators.Tests;

/// <summary>
/// Whatever a user types — half-written attributes, wrong argument types, the attribute on the wrong
/// target — the generator never throws, never hits its internal-error path (DECOMP900) and never
/// makes the compiler report a failed generator (CS8785).
/// </summary>
public sealed class MalformedInputTests
{
    private const string UnrelatedFactorizeAttribute = """
        namespace Other
        {
            [System.AttributeUsage(System.AttributeTargets.All)]
            public sealed class FactorizeAttribute : System.Attribute
            {
                public FactorizeAttribute(Decomp.Kind kind) { }
                public int Size { get; set; }
            }
        }

        namespace UsesOther
        {
            using Other;

            [Factorize(Decomp.Kind.Cholesky, Size = 3)] public partial struct S;
        }
        """;

    private static readonly Dictionary<string, string> Cases = new()
    {
        ["IncompleteAttribute"] = "[Factorize(",
        ["IncompleteAttributeBeforeStruct"] = "[Factorize(Kind.Cholesky, Size = ] public partial struct S;",
        ["UnclosedAttributeList"] = "[Factorize(Kind.Cholesky, Size = 3) public partial struct S;",
        ["AttributeWithoutArguments"] = "[Factorize] public partial struct S;",
        ["AttributeWithEmptyArguments"] = "[Factorize()] public partial struct S;",
        ["KindMissing"] = "[Factorize(Size = 3)] public partial struct S;",
        ["KindAsString"] = "[Factorize(\"Cholesky\", Size = 3)] public partial struct S;",
        ["KindAsNamedStringArgument"] = "[Factorize(Kind = \"Cholesky\", Size = 3)] public partial struct S;",
        ["KindGivenTwice"] = "[Factorize(Kind.Cholesky, Kind = Kind.LU, Size = 3)] public partial struct S;",
        ["KindUndefinedNegative"] = "[Factorize((Kind)(-1), Size = 3)] public partial struct S;",
        ["TooManyConstructorArguments"] = "[Factorize(Kind.Cholesky, 3)] public partial struct S;",
        ["SizeAsString"] = "[Factorize(Kind.Cholesky, Size = \"8\")] public partial struct S;",
        ["SizeAsDouble"] = "[Factorize(Kind.Cholesky, Size = 3.5)] public partial struct S;",
        ["SizeFromNonConstantField"] = "public static class Config { public static int Order = 3; } [Factorize(Kind.Cholesky, Size = Config.Order)] public partial struct S;",
        ["SizeFromUndefinedName"] = "[Factorize(Kind.Cholesky, Size = SomeNonConstField)] public partial struct S;",
        ["SizeIntMaxValue"] = "[Factorize(Kind.Cholesky, Size = int.MaxValue)] public partial struct S;",
        ["SizeIntMinValue"] = "[Factorize(Kind.Cholesky, Size = int.MinValue)] public partial struct S;",
        ["SizeNegative"] = "[Factorize(Kind.Cholesky, Size = -8)] public partial struct S;",
        ["SizeGivenTwice"] = "[Factorize(Kind.Cholesky, Size = 3, Size = 4)] public partial struct S;",
        ["RowsAndColumnsHuge"] = "[Factorize(Kind.QR, Rows = int.MaxValue, Columns = int.MaxValue)] public partial struct S;",
        ["UnknownNamedArgument"] = "[Factorize(Kind.Cholesky, Size = 3, Order = 3)] public partial struct S;",
        ["ElementAsInt"] = "[Factorize(Kind.Cholesky, Size = 3, Element = 3)] public partial struct S;",
        ["ElementNull"] = "[Factorize(Kind.Cholesky, Size = 3, Element = null)] public partial struct S;",
        ["ElementTypeofInt"] = "[Factorize(Kind.Cholesky, Size = 3, Element = typeof(int))] public partial struct S;",
        ["ElementOpenGeneric"] = "[Factorize(Kind.Cholesky, Size = 3, Element = typeof(System.Collections.Generic.List<>))] public partial struct S;",
        ["ElementUnknownType"] = "[Factorize(Kind.Cholesky, Size = 3, Element = typeof(Missing))] public partial struct S;",
        ["ElementVoid"] = "[Factorize(Kind.Cholesky, Size = 3, Element = typeof(void))] public partial struct S;",
        ["ElementNullableDouble"] = "[Factorize(Kind.Cholesky, Size = 3, Element = typeof(double?))] public partial struct S;",
        ["SyntaxErrorInStructBody"] = "[Factorize(Kind.Cholesky, Size = 3)] public partial struct S { void M( }",
        ["StructWithoutBodyOrSemicolon"] = "[Factorize(Kind.Cholesky, Size = 3)] public partial struct S",
        ["OnMethod"] = "public static class C { [Factorize(Kind.Cholesky, Size = 3)] public static void M() { } }",
        ["OnLocalFunction"] = "public static class C { public static void M() { [Factorize(Kind.Cholesky, Size = 3)] static void Local() { } Local(); } }",
        ["OnEnum"] = "[Factorize(Kind.Cholesky, Size = 3)] public enum E { A }",
        ["OnDelegate"] = "[Factorize(Kind.Cholesky, Size = 3)] public delegate void D();",
        ["OnInterface"] = "[Factorize(Kind.Cholesky, Size = 3)] public partial interface I;",
        ["OnRecordClass"] = "[Factorize(Kind.Cholesky, Size = 3)] public partial record class R;",
        ["OnStaticClass"] = "[Factorize(Kind.Cholesky, Size = 3)] public static partial class C;",
        ["OnAssembly"] = "[assembly: Factorize(Kind.Cholesky, Size = 3)]",
        ["OnTypeParameter"] = "public partial struct G<[Factorize(Kind.Cholesky, Size = 3)] T>;",
        ["DuplicateAttributesOnOneDeclaration"] = "[Factorize(Kind.Cholesky, Size = 3)][Factorize(Kind.Cholesky, Size = 4)] public partial struct S;",
        ["DuplicateAttributesInOneList"] = "[Factorize(Kind.Cholesky, Size = 3), Factorize(Kind.LU, Size = 3)] public partial struct S;",
        ["UnrelatedFactorizeAttributeInAnotherNamespace"] = UnrelatedFactorizeAttribute,
        ["AttributeNameNotImported"] = "[Decomp.Tests.Factorize(Kind.Cholesky, Size = 3)] public partial struct S;",
        ["FileLocalStruct"] = "[Factorize(Kind.Cholesky, Size = 3)] file partial struct F;",
        ["GenericStruct"] = "[Factorize(Kind.Cholesky, Size = 3)] public partial struct G<T> where T : struct;",
        ["StructNestedInGenericTypes"] = "public static partial class Outer<T> { public partial struct Inner<U> { [Factorize(Kind.Cholesky, Size = 3)] public partial struct S; } }",
        ["StructDeclaredPartialAndNonPartial"] = "[Factorize(Kind.Cholesky, Size = 3)] public partial struct S; public struct S;",
        ["StructNestedInNonPartialStaticClass"] = "public static class Outer { [Factorize(Kind.Cholesky, Size = 3)] public partial struct S; }",
        ["StructNestedInInterface"] = "public partial interface IOuter { [Factorize(Kind.Cholesky, Size = 3)] public partial struct S; }",
        ["ReadOnlyRecordStruct"] = "[Factorize(Kind.Cholesky, Size = 3)] public readonly partial record struct S;",
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys.Order(System.StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MalformedInput_NeverCrashesTheGenerator(string caseName)
    {
        var run = GeneratorHarness.Run(Source(Cases[caseName]));

        AssertNoCrash(run);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MalformedInput_GeneratedCodeAddsNoErrorsOfItsOwn(string caseName)
    {
        var run = GeneratorHarness.Run(Source(Cases[caseName]));

        AssertGeneratedTreesAreErrorFree(run);
    }

    [Fact]
    public void UnrelatedAttributeNamedFactorize_IsIgnored()
    {
        var run = GeneratorHarness.Run(Source(UnrelatedFactorizeAttribute));

        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void DuplicateAttributeOnTwoPartialDeclarations_NeverCrashesTheGenerator()
    {
        var run = GeneratorHarness.Run(
            Source("[Factorize(Kind.Cholesky, Size = 3)] public partial struct S;"),
            Source("[Factorize(Kind.Cholesky, Size = 3)] public partial struct S;"),
            Source("[Factorize(Kind.Cholesky, Size = 2)] public partial struct Unrelated;"));

        AssertNoCrash(run);
        Assert.Contains(run.Sources, s => s.HintName == "Decomp.Tests.Unrelated.Factorize.g.cs");
        Assert.Single(run.Sources, s => s.HintName == "Decomp.Tests.S.Factorize.g.cs");
        AssertGeneratedTreesAreErrorFree(run);
    }

    [Fact]
    public void VerbatimIdentifierNames_GenerateCompilableCode()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace @class;

            [Factorize(Kind.Cholesky, Size = 2)]
            public partial struct @struct;
            """);

        AssertNoCrash(run);
        AssertGeneratedTreesAreErrorFree(run);
        var source = Assert.Single(run.Sources);
        Assert.Equal("class.struct.Factorize.g.cs", source.HintName);
        var text = source.SourceText.ToString();
        Assert.Contains("namespace @class", text, System.StringComparison.Ordinal);
        Assert.Contains("partial struct @struct", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void KeywordNamesOfNamespacesAndContainingTypes_GenerateCompilableCode()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace @namespace.@record
            {
                public partial class @event
                {
                    public partial record struct @async
                    {
                        [Factorize(Kind.Cholesky, Size = 2)]
                        public partial struct @file;
                    }
                }
            }
            """);

        AssertNoCrash(run);
        AssertGeneratedTreesAreErrorFree(run);
        Assert.Empty(run.GeneratorDiagnostics);
        var source = Assert.Single(run.Sources);
        Assert.Equal("namespace.record.event.async.file.Factorize.g.cs", source.HintName);
        Assert.Contains("namespace @namespace.@record", source.SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void StructWithoutName_GeneratesNothing()
    {
        var run = GeneratorHarness.Run(Source("[Factorize(Kind.Cholesky, Size = 3)] public partial struct"));

        AssertNoCrash(run);
        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void StructInTypeWithoutName_GeneratesNothing()
    {
        var run = GeneratorHarness.Run(Source("public partial class { [Factorize(Kind.Cholesky, Size = 3)] public partial struct S; }"));

        AssertNoCrash(run);
        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void TypesWhoseNamesDifferOnlyInCase_NeverCrashTheGenerator()
    {
        var run = GeneratorHarness.Run(
            Source("[Factorize(Kind.Cholesky, Size = 2)] public partial struct Chol;"),
            Source("[Factorize(Kind.Cholesky, Size = 2)] public partial struct chol;"),
            Source("[Factorize(Kind.Cholesky, Size = 2)] public partial struct Other;"));

        AssertNoCrash(run);
        AssertGeneratedTreesAreErrorFree(run);
        Assert.Equal(3, run.Sources.Length);

        // Only the colliding pair carries a tag; every other file keeps the plain Namespace.Type name.
        Assert.Contains(run.Sources, s => s.HintName == "Decomp.Tests.Other.Factorize.g.cs");
        Assert.Equal(2, run.Sources.Count(s => s.HintName.StartsWith("Decomp.Tests.Chol.", StringComparison.OrdinalIgnoreCase) && s.HintName.Split('.').Length == 7));
    }

    [Fact]
    public void NamespacesWhoseNamesDifferOnlyInCase_NeverCrashTheGenerator()
    {
        var run = GeneratorHarness.Run(
            "using Decomp; namespace Game { [Factorize(Kind.Cholesky, Size = 2)] public partial struct Chol; }",
            "using Decomp; namespace game { [Factorize(Kind.Cholesky, Size = 2)] public partial struct Chol; }");

        AssertNoCrash(run);
        AssertGeneratedTreesAreErrorFree(run);
        Assert.Equal(2, run.Sources.Length);
    }

    private static void AssertNoCrash(GeneratorRun run)
    {
        Assert.All(run.Driver.GetRunResult().Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "DECOMP900");
        var all = run.DriverDiagnostics.Concat(run.CompileDiagnostics).ToArray();
        Assert.False(all.Any(d => d.Id is "CS8784" or "CS8785"), DiagnosticText.Format(all, run.OutputCompilation));
    }

    private static void AssertGeneratedTreesAreErrorFree(GeneratorRun run)
    {
        var generatedTrees = run.Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        var errors = run.CompileDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .ToArray();
        Assert.True(errors.Length == 0, "Generated code has errors:\n" + DiagnosticText.Format(errors, run.OutputCompilation));
    }

    private static string Source(string body) => $$"""
        using Decomp;

        namespace Decomp.Tests
        {
            {{body}}
        }
        """;
}
