using System;
using System.Linq;
using System.Reflection;
using Decomp.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Decomp.Generators.Tests;

/// <summary>
/// Every misuse the generator reports: the id, severity Error, a location on the attribute, a message
/// that says what is wrong, and no source for the offending struct (while a valid neighbour still gets its file).
/// </summary>
public sealed class DiagnosticTests
{
    private const string ValidNeighbour = "Decomp.Tests.Valid.Factorize.g.cs";

    [Fact]
    public void NonPartialStruct_ReportsDECOMP001()
        => AssertReports("DECOMP001", "[Factorize(Kind.Cholesky, Size = 3)] public struct NotPartial;", "The struct 'NotPartial' must be declared 'partial'");

    [Fact]
    public void Class_ReportsDECOMP002()
        => AssertReports("DECOMP002", "[Factorize(Kind.Cholesky, Size = 3)] public partial class NotAStruct;", "'NotAStruct' is a class");

    [Fact]
    public void RecordClass_ReportsDECOMP002()
        => AssertReports("DECOMP002", "[Factorize(Kind.Cholesky, Size = 3)] public partial record NotAStruct;", "'NotAStruct' is a record class");

    [Fact]
    public void Interface_ReportsDECOMP002_WithItsArticle()
        => AssertReports("DECOMP002", "[Factorize(Kind.Cholesky, Size = 3)] public partial interface INotAStruct;", "'INotAStruct' is an interface;");

    [Fact]
    public void MissingShape_ReportsDECOMP003()
        => AssertReports("DECOMP003", "[Factorize(Kind.Cholesky)] public partial struct NoShape;", "needs a shape");

    [Fact]
    public void RowsWithoutColumns_ReportsDECOMP003()
        => AssertReports("DECOMP003", "[Factorize(Kind.Cholesky, Rows = 3)] public partial struct HalfShape;", "both Rows and Columns");

    [Fact]
    public void SizeAboveMaximum_ReportsDECOMP004_PointingAtDecompRuntime()
        => AssertReports("DECOMP004", "[Factorize(Kind.Cholesky, Size = 33)] public partial struct TooBig;", "Size = 33 on 'TooBig' is outside the supported range 1…32", "Decomp.Runtime");

    [Fact]
    public void SizeZero_ReportsDECOMP004()
        => AssertReports("DECOMP004", "[Factorize(Kind.Cholesky, Size = 0)] public partial struct Empty;", "Size = 0 on 'Empty'");

    [Fact]
    public void IntElement_ReportsDECOMP005()
        => AssertReports("DECOMP005", "[Factorize(Kind.Cholesky, Size = 3, Element = typeof(int))] public partial struct Ints;", "Element = typeof(int) on 'Ints' is not supported");

    [Fact]
    public void UnresolvedElementType_LeavesTheErrorToTheCompiler()
    {
        var run = GeneratorHarness.Run(WithValidNeighbour("[Factorize(Kind.Cholesky, Size = 3, Element = typeof(Missing))] public partial struct Unresolved;"));

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.CompileDiagnostics, d => d.Id == "CS0246");
        Assert.Equal(new[] { ValidNeighbour }, run.Sources.Select(s => s.HintName));
    }

    /// <summary>A kind that takes rectangular shapes (QR, PivotedQR).</summary>
    [Theory]
    [InlineData("QR")]
    [InlineData("PivotedQR")]
    public void RowsLessThanColumns_ReportsDECOMP006(string kind)
    {
        var run = GeneratorHarness.Run(WithValidNeighbour($"[Factorize(Kind.{kind}, Rows = 3, Columns = 4)] public partial struct Wide;"));

        Assert.Equal(new[] { "DECOMP006" }, run.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "DECOMP006");
        Assert.Contains("'Wide' has Rows = 3 < Columns = 4; factor the transpose (Rows = 4, Columns = 3)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Factoring the transpose, as DECOMP006 advises, would not help a square-only kind: only DECOMP007 is reported.</summary>
    [Fact]
    public void RowsLessThanColumnsForSquareOnlyKind_ReportsOnlyDECOMP007()
        => AssertReports("DECOMP007", "[Factorize(Kind.Cholesky, Rows = 3, Columns = 4)] public partial struct Wide;", "Kind.Cholesky factorizes square matrices only, but 'Wide' is 3×4");

    [Fact]
    public void RectangularShapeForSquareOnlyKind_ReportsDECOMP007()
        => AssertReports("DECOMP007", "[Factorize(Kind.Cholesky, Rows = 4, Columns = 3)] public partial struct Tall;", "Kind.Cholesky factorizes square matrices only, but 'Tall' is 4×3");

    [Fact]
    public void GenericStruct_ReportsDECOMP008()
        => AssertReports("DECOMP008", "[Factorize(Kind.Cholesky, Size = 3)] public partial struct Generic<T>;", "'Generic' is generic");

    [Fact]
    public void StructNestedInGenericClass_ReportsDECOMP008()
        => AssertReports("DECOMP008", "public partial class Outer<T> { [Factorize(Kind.Cholesky, Size = 3)] public partial struct Inner; }", "'Inner' is generic or nested in a generic type");

    [Fact]
    public void StructNestedInNonPartialClass_ReportsDECOMP009()
        => AssertReports("DECOMP009", "public class Outer { [Factorize(Kind.Cholesky, Size = 3)] public partial struct Inner; }", "'Inner' is nested in 'Outer', which must be declared 'partial'");

    [Fact]
    public void ReadOnlyStruct_ReportsDECOMP010()
        => AssertReports("DECOMP010", "[Factorize(Kind.Cholesky, Size = 3)] public readonly partial struct Frozen;", "'Frozen' is a readonly struct");

    [Fact]
    public void KindNotYetImplemented_ReportsDECOMP011()
        => AssertReports("DECOMP011", "[Factorize(Kind.SymmetricEigen, Size = 3)] public partial struct Eigen3;", "Kind.SymmetricEigen on 'Eigen3' is not implemented");

    [Fact]
    public void SizeTogetherWithRows_ReportsDECOMP012()
        => AssertReports("DECOMP012", "[Factorize(Kind.Cholesky, Size = 3, Rows = 4)] public partial struct Twice;", "'Twice' sets Size = 3 together with Rows = 4");

    [Fact]
    public void UndefinedKindValue_ReportsDECOMP013()
        => AssertReports("DECOMP013", "[Factorize((Kind)42, Size = 3)] public partial struct Unknown;", "(Kind)42 on 'Unknown' is not a defined Decomp.Kind value");

    /// <summary>The generated <c>partial struct Hidden</c> in another file would declare a different, non-file type.</summary>
    [Fact]
    public void FileLocalStruct_ReportsDECOMP014()
        => AssertReports("DECOMP014", "[Factorize(Kind.Cholesky, Size = 3)] file partial struct Hidden;", "'Hidden' is file-local, so the generated part of 'Hidden'", "remove 'file'");

    [Fact]
    public void StructNestedInFileLocalClass_ReportsDECOMP014()
        => AssertReports("DECOMP014", "file partial class Outer { [Factorize(Kind.Cholesky, Size = 3)] public partial struct Inner; }", "'Outer' is file-local, so the generated part of 'Inner'");

    [Fact]
    public void InstanceField_ReportsDECOMP015_NamingTheField()
        => AssertReports("DECOMP015", "[Factorize(Kind.Cholesky, Size = 3)] public partial struct WithField { private int _count; public int Count() => _count; }", "'WithField' declares the instance field '_count'");

    [Fact]
    public void AutoProperty_ReportsDECOMP015_NamingTheProperty()
        => AssertReports("DECOMP015", "[Factorize(Kind.Cholesky, Size = 3)] public partial struct WithProperty { public int Label { get; set; } }", "'WithProperty' declares the instance auto-property 'Label'");

    [Fact]
    public void FieldLikeEvent_ReportsDECOMP015_NamingTheEvent()
        => AssertReports("DECOMP015", "[Factorize(Kind.Cholesky, Size = 3)] public partial struct WithEvent { public event System.Action? Changed; public void Raise() => Changed?.Invoke(); }", "'WithEvent' declares the field-like event 'Changed'");

    [Fact]
    public void CapturedPrimaryConstructorParameter_ReportsDECOMP015_NamingTheParameter()
        => AssertReports("DECOMP015", "[Factorize(Kind.Cholesky, Size = 3)] public partial struct WithParameter(int seed) { public readonly int Seed() => seed; }", "'WithParameter' declares the primary-constructor parameter 'seed', captured as a field;");

    [Fact]
    public void InstanceFieldInAnotherPartialDeclaration_ReportsDECOMP015()
    {
        var run = GeneratorHarness.Run(
            WithValidNeighbour("[Factorize(Kind.Cholesky, Size = 3)] public partial struct Split;"),
            "namespace Decomp.Tests; public partial struct Split { private long _stamp; public long Stamp() => _stamp; }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DECOMP015", diagnostic.Id);
        Assert.Contains("the instance field '_stamp'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(new[] { ValidNeighbour }, run.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void StaticFieldsConstantsAndComputedProperties_AreAllowed()
    {
        var run = GeneratorHarness.Run(WithValidNeighbour("""
            [Factorize(Kind.Cholesky, Size = 3)]
            public partial struct Allowed
            {
                private static int s_calls;
                private const int Order = 3;
                public static int Calls => s_calls;
                public readonly int Twice => 2 * Order;
            }
            """));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "Decomp.Tests.Allowed.Factorize.g.cs");
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void PublicMemberNamedLikeAGeneratedMember_ReportsDECOMP016()
        => AssertReports("DECOMP016", "[Factorize(Kind.Cholesky, Size = 3)] public partial struct Clash { public static int Rows => 3; }", "'Clash' uses the name 'Rows' for a property, but the generated kernel declares a member of that name");

    [Fact]
    public void OverloadOfAGeneratedMethod_ReportsDECOMP016_Once()
        => AssertReports("DECOMP016", "[Factorize(Kind.Cholesky, Size = 3)] public partial struct Clash { public static void Solve(double[] b) { } public static void Solve(float[] b) { } }", "'Clash' uses the name 'Solve' for a method");

    [Fact]
    public void PrivateHelperNamedLikeAGeneratedOne_ReportsDECOMP016()
        => AssertReports("DECOMP016", "[Factorize(Kind.Cholesky, Size = 3)] public partial struct Clash { private struct FactorStorage { } }", "'Clash' uses the name 'FactorStorage' for a nested type");

    /// <summary>A member cannot share its struct's name (CS0542), so a struct named like a generated member clashes too.</summary>
    [Fact]
    public void StructNamedLikeAGeneratedMember_ReportsDECOMP016()
        => AssertReports("DECOMP016", "[Factorize(Kind.Cholesky, Size = 3)] public partial struct Factor;", "'Factor' uses the name 'Factor' for the struct itself");

    [Fact]
    public void NullElement_ReportsDECOMP005()
        => AssertReports("DECOMP005", "[Factorize(Kind.Cholesky, Size = 3, Element = null!)] public partial struct NullElement;", "Element = null on 'NullElement' is not supported");

    [Fact]
    public void StructWithSeveralProblems_ReportsEachProblemOnce()
    {
        var run = GeneratorHarness.Run(WithValidNeighbour("[Factorize(Kind.Cholesky, Size = 3)] public readonly struct Broken<T>;"));

        var ids = run.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "DECOMP001", "DECOMP008", "DECOMP010" }, ids);
        Assert.Equal(new[] { ValidNeighbour }, run.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void PartialStructInTwoFiles_ReportsItsDiagnosticOnce()
    {
        var run = GeneratorHarness.Run(
            WithValidNeighbour("[Factorize(Kind.Cholesky, Size = 40)] public partial struct Split;"),
            "namespace Decomp.Tests; public partial struct Split { }",
            "namespace Decomp.Tests; public partial struct Split { public int Extra() => 1; }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DECOMP004", diagnostic.Id);
    }

    [Fact]
    public void AttributeOnTwoPartialDeclarations_ReportsOnce()
    {
        var run = GeneratorHarness.Run(
            WithValidNeighbour("[Factorize(Kind.Cholesky, Size = 40)] public partial struct Twice;"),
            "using Decomp; namespace Decomp.Tests; [Factorize(Kind.Cholesky, Size = 40)] public partial struct Twice;");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DECOMP004", diagnostic.Id);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains(run.CompileDiagnostics, d => d.Id == "CS0579");
    }

    /// <summary>An in-source location (a tree of the compilation, not a rebuilt path) is what #pragma and .editorconfig act on.</summary>
    [Fact]
    public void Diagnostic_IsLocatedInTheCompilationsSyntaxTree()
    {
        var compilation = GeneratorHarness.CreateCompilation(WithValidNeighbour("[Factorize(Kind.Cholesky, Size = 40)] public partial struct TooBig;"));

        var run = GeneratorHarness.Run(compilation);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.True(diagnostic.Location.IsInSource);
        Assert.Same(compilation.SyntaxTrees.Single(), diagnostic.Location.SourceTree);
    }

    [Fact]
    public void EditingTheFileOfACachedDiagnostic_LocatesItInTheNewTree()
    {
        var compilation = GeneratorHarness.CreateCompilation(WithValidNeighbour("[Factorize(Kind.Cholesky, Size = 40)] public partial struct TooBig;"));
        var first = GeneratorHarness.Run(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var editedTree = tree.WithChangedText(tree.GetText().WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(tree.Length, 0), "\n// a comment after the struct\n")));

        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(tree, editedTree));

        var diagnostic = Assert.Single(second.GeneratorDiagnostics);
        Assert.Same(editedTree, diagnostic.Location.SourceTree);
        Assert.StartsWith("Factorize", DiagnosticText.SpanText(diagnostic, second.OutputCompilation), StringComparison.Ordinal);
    }

    [Fact]
    public void RerunningOnAnEditedCompilation_ReportsCachedDiagnosticsOnce()
    {
        var compilation = GeneratorHarness.CreateCompilation(WithValidNeighbour("[Factorize(Kind.Cholesky, Size = 40)] public partial struct TooBig;"));
        var first = GeneratorHarness.Run(compilation);
        var edited = compilation.AddSyntaxTrees(GeneratorHarness.Parse("class Unrelated { }", "Unrelated.cs"));

        var second = GeneratorHarness.Run(first.Driver, edited);

        var diagnostic = Assert.Single(second.GeneratorDiagnostics);
        Assert.Equal("DECOMP004", diagnostic.Id);
    }

    [Fact]
    public void EveryDiagnostic_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(
            ("DECOMP001.cs", WithoutNeighbour("[Factorize(Kind.Cholesky, Size = 3)] public struct NotPartial;")),
            ("DECOMP002.cs", WithoutNeighbour("[Factorize(Kind.Cholesky, Size = 3)] public partial class NotAStruct;")),
            ("DECOMP003.cs", WithoutNeighbour("[Factorize(Kind.Cholesky)] public partial struct NoShape;")),
            ("DECOMP004.cs", WithoutNeighbour("[Factorize(Kind.Cholesky, Size = 33)] public partial struct TooBig;")),
            ("DECOMP005.cs", WithoutNeighbour("[Factorize(Kind.Cholesky, Size = 3, Element = typeof(int))] public partial struct Ints;")),
            ("DECOMP006.cs", WithoutNeighbour("[Factorize(Kind.QR, Rows = 3, Columns = 4)] public partial struct Wide;")),
            ("DECOMP007.cs", WithoutNeighbour("[Factorize(Kind.Cholesky, Rows = 4, Columns = 3)] public partial struct Tall;")),
            ("DECOMP008.cs", WithoutNeighbour("[Factorize(Kind.Cholesky, Size = 3)] public partial struct Generic<T>;")),
            ("DECOMP009.cs", WithoutNeighbour("public class Outer { [Factorize(Kind.Cholesky, Size = 3)] public partial struct Inner; }")),
            ("DECOMP010.cs", WithoutNeighbour("[Factorize(Kind.Cholesky, Size = 3)] public readonly partial struct Frozen;")),
            ("DECOMP011.cs", WithoutNeighbour("[Factorize(Kind.SymmetricEigen, Size = 3)] public partial struct Eigen3;")),
            ("DECOMP012.cs", WithoutNeighbour("[Factorize(Kind.Cholesky, Size = 3, Rows = 4)] public partial struct Twice;")),
            ("DECOMP013.cs", WithoutNeighbour("[Factorize((Kind)42, Size = 3)] public partial struct Unknown;")),
            ("DECOMP014.cs", WithoutNeighbour("[Factorize(Kind.Cholesky, Size = 3)] file partial struct Hidden;")),
            ("DECOMP015.cs", WithoutNeighbour("[Factorize(Kind.Cholesky, Size = 3)] public partial struct WithField { public int Label { get; set; } }")),
            ("DECOMP016.cs", WithoutNeighbour("[Factorize(Kind.Cholesky, Size = 3)] public partial struct Clash { public static int Rows => 3; }"))));

        Assert.Null(run.Exception);
        Assert.Empty(run.Sources);
        Assert.Equal(16, run.GeneratorDiagnostics.Length);
        Snapshot.VerifyText(GetType(), DiagnosticText.Format(run.GeneratorDiagnostics, run.OutputCompilation));
    }

    /// <summary>DECOMP900 cannot be provoked from source (it wraps the generator's own bugs); pin that the descriptor exists and what it says.</summary>
    [Fact]
    public void InternalErrorDescriptor_DECOMP900_Exists()
    {
        var descriptors = AllDescriptors();

        var internalError = Assert.Single(descriptors, d => d.Id == "DECOMP900");
        Assert.Equal(DiagnosticSeverity.Error, internalError.DefaultSeverity);
        Assert.Contains("internal error", internalError.MessageFormat.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptors_HaveUniqueIds_AreErrorsByDefault_AndCoverDECOMP001To016()
    {
        var descriptors = AllDescriptors();

        Assert.Equal(descriptors.Length, descriptors.Select(d => d.Id).Distinct().Count());
        Assert.All(descriptors, d =>
        {
            Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault);
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()));
        });
        var expected = Enumerable.Range(1, 16).Select(i => $"DECOMP{i:000}").Append("DECOMP900");
        Assert.Equal(expected, descriptors.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    private static void AssertReports(string id, string declaration, params string[] messageFragments)
    {
        var run = GeneratorHarness.Run(WithValidNeighbour(declaration));

        Assert.Null(run.Exception);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);

        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(messageFragments, fragment => Assert.Contains(fragment, message, StringComparison.Ordinal));

        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        var spanText = DiagnosticText.SpanText(diagnostic, run.OutputCompilation);
        Assert.NotNull(spanText);
        Assert.StartsWith("Factorize", spanText, StringComparison.Ordinal);

        // No file for the offending struct; its valid neighbour is unaffected.
        Assert.Equal(new[] { ValidNeighbour }, run.Sources.Select(s => s.HintName));
    }

    private static string WithValidNeighbour(string declaration) => $$"""
        using Decomp;

        namespace Decomp.Tests;

        [Factorize(Kind.Cholesky, Size = 2)]
        public partial struct Valid;

        {{declaration}}
        """;

    private static string WithoutNeighbour(string declaration) => $$"""
        using Decomp;

        namespace Decomp.Tests;

        {{declaration}}
        """;

    private static DiagnosticDescriptor[] AllDescriptors()
    {
        // The descriptors are internal to the generator; reflection reads them without InternalsVisibleTo.
        var type = typeof(FactorizeGenerator).Assembly.GetType("Decomp.Generators.Diagnostics.DiagnosticDescriptors", throwOnError: true)!;
        return type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();
    }
}
