using System.Linq;
using Decomp.Generators.Tests.Infrastructure;
using Xunit;

namespace Decomp.Generators.Tests;

/// <summary>
/// The generated source for representative attributes, pinned by snapshot; each must also compile
/// without a single warning in a strict consumer (nullable on, every warning wave, XML docs diagnosed).
/// </summary>
public sealed class GeneratedSourceSnapshotTests
{
    [Fact]
    public void Cholesky3x3Double_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.Cholesky, Size = 3)]
            public partial struct Chol3;
            """);

        AssertCleanRun(run, "Samples.Chol3.Factorize.g.cs");
        Snapshot.VerifySources(GetType(), run.Sources);
    }

    [Fact]
    public void Cholesky8x8Float_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.Cholesky, Size = 8, Element = typeof(float))]
            public partial struct Chol8F;
            """);

        AssertCleanRun(run, "Samples.Chol8F.Factorize.g.cs");
        Snapshot.VerifySources(GetType(), run.Sources);
    }

    [Fact]
    public void LU4x4Double_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.LU, Size = 4)]
            public partial struct Lu4;
            """);

        AssertCleanRun(run, "Samples.Lu4.Factorize.g.cs");
        Snapshot.VerifySources(GetType(), run.Sources);
    }

    [Fact]
    public void LU3x3Float_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.LU, Size = 3, Element = typeof(float))]
            public partial struct Lu3F;
            """);

        AssertCleanRun(run, "Samples.Lu3F.Factorize.g.cs");
        Snapshot.VerifySources(GetType(), run.Sources);
    }

    [Fact]
    public void Ldlt3x3Double_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.Ldlt, Size = 3)]
            public partial struct Ldlt3;
            """);

        AssertCleanRun(run, "Samples.Ldlt3.Factorize.g.cs");
        Snapshot.VerifySources(GetType(), run.Sources);
    }

    [Fact]
    public void QR6x3Double_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.QR, Rows = 6, Columns = 3)]
            public partial struct Qr6x3;
            """);

        AssertCleanRun(run, "Samples.Qr6x3.Factorize.g.cs");
        Snapshot.VerifySources(GetType(), run.Sources);
    }

    [Fact]
    public void PivotedQR6x3Double_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.PivotedQR, Rows = 6, Columns = 3)]
            public partial struct PivotedQr6x3;
            """);

        AssertCleanRun(run, "Samples.PivotedQr6x3.Factorize.g.cs");
        Snapshot.VerifySources(GetType(), run.Sources);
    }

    [Fact]
    public void NestedFileScopedNamespace_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Game.Physics.Solvers;

            [Factorize(Kind.Cholesky, Size = 2)]
            public partial struct ContactSolve2;
            """);

        AssertCleanRun(run, "Game.Physics.Solvers.ContactSolve2.Factorize.g.cs");
        Snapshot.VerifySources(GetType(), run.Sources);
    }

    [Fact]
    public void NestedInPartialClass_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Robotics;

            /// <summary>Inverse kinematics for one arm.</summary>
            public partial class ArmSolver
            {
                [Factorize(Kind.Cholesky, Size = 2)]
                public partial struct Normal2;
            }
            """);

        AssertCleanRun(run, "Robotics.ArmSolver.Normal2.Factorize.g.cs");
        Snapshot.VerifySources(GetType(), run.Sources);
    }

    [Fact]
    public void NestedInPartialClassInPartialRecord_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Tracking;

            /// <summary>A filter's configuration.</summary>
            public partial record FilterSetup
            {
                /// <summary>The kernels the filter uses.</summary>
                public static partial class Kernels
                {
                    [Factorize(Kind.Cholesky, Size = 2, Element = typeof(float))]
                    public partial struct Innovation2;
                }
            }
            """);

        AssertCleanRun(run, "Tracking.FilterSetup.Kernels.Innovation2.Factorize.g.cs");
        Snapshot.VerifySources(GetType(), run.Sources);
    }

    [Fact]
    public void StructInGlobalNamespace_CompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run("""
            [Decomp.Factorize(Decomp.Kind.Cholesky, Size = 1)]
            public partial struct Chol1;
            """);

        AssertCleanRun(run, "Chol1.Factorize.g.cs");
    }

    [Fact]
    public void RecordStruct_CompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.Cholesky, Size = 4)]
            public partial record struct Chol4Record;
            """);

        AssertCleanRun(run, "Samples.Chol4Record.Factorize.g.cs");
    }

    [Fact]
    public void RefStruct_CompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.Cholesky, Size = 2)]
            public ref partial struct Chol2Ref;
            """);

        AssertCleanRun(run, "Samples.Chol2Ref.Factorize.g.cs");
        Assert.Contains("ref partial struct Chol2Ref", run.SourceText("Samples.Chol2Ref.Factorize.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void StructNestedInRefStruct_CompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            /// <summary>A stack-only workspace.</summary>
            public ref partial struct Workspace
            {
                [Factorize(Kind.Cholesky, Size = 2)]
                public partial struct Normal2;
            }
            """);

        AssertCleanRun(run, "Samples.Workspace.Normal2.Factorize.g.cs");
        Assert.Contains("ref partial struct Workspace", run.SourceText("Samples.Workspace.Normal2.Factorize.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void UserTypesNamedLikeRuntimeHelpers_DoNotBreakGeneratedCode()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples
            {
                [Factorize(Kind.Cholesky, Size = 4)]
                public partial struct Chol4;

                internal static class Unsafe { }
                internal static class MemoryMarshal { }
                internal static class Vector128 { }
                internal static class Vector256 { }
                internal static class Vector512 { }
                internal static class Math { }
                internal static class MathF { }
                internal static class Span { }
                internal sealed class MethodImplAttribute : System.Attribute { }
            }
            """);

        AssertCleanRun(run, "Samples.Chol4.Factorize.g.cs");
        Assert.DoesNotContain("using ", run.SourceText("Samples.Chol4.Factorize.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedFile_OpensWithAutoGeneratedHeader_AndCarriesGeneratedCodeAttribute()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.Cholesky, Size = 3)]
            public partial struct Chol3;
            """);

        var lines = run.SourceText("Samples.Chol3.Factorize.g.cs").Split('\n');
        Assert.Equal("// <auto-generated/>", lines[0]);
        Assert.Equal("#nullable enable", lines[1]);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("[global::System.CodeDom.Compiler.GeneratedCode(\"Decomp.Generators\"", System.StringComparison.Ordinal));
        Assert.DoesNotContain('\r', run.SourceText("Samples.Chol3.Factorize.g.cs"));
    }

    [Fact]
    public void TwoStructs_GetOneFileEach()
    {
        var run = GeneratorHarness.Run("""
            using Decomp;

            namespace Samples;

            [Factorize(Kind.Cholesky, Size = 2)]
            public partial struct Chol2;

            [Factorize(Kind.Cholesky, Size = 2, Element = typeof(float))]
            public partial struct Chol2F;
            """);

        Assert.Equal(
            new[] { "Samples.Chol2.Factorize.g.cs", "Samples.Chol2F.Factorize.g.cs" },
            run.Sources.Select(s => s.HintName));
    }

    /// <summary>A no-warning assertion is only worth something if the harness can see warnings: an undocumented public type must raise CS1591.</summary>
    [Fact]
    public void Harness_ReportsMissingXmlDocs_SoNoWarningAssertionsAreMeaningful()
    {
        var run = GeneratorHarness.Run("public class Undocumented { public int Value; }");

        Assert.Contains(run.EmitDiagnostics(), d => d.Id == "CS1591");
    }

    private static void AssertCleanRun(GeneratorRun run, string expectedHintName)
    {
        Assert.Null(run.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, DiagnosticText.Format(run.GeneratorDiagnostics, run.OutputCompilation));
        Assert.True(run.DriverDiagnostics.IsEmpty, DiagnosticText.Format(run.DriverDiagnostics, run.OutputCompilation));
        Assert.Equal(new[] { expectedHintName }, run.Sources.Select(s => s.HintName));

        var emitted = run.EmitDiagnostics();
        Assert.True(emitted.IsEmpty, "The output compilation has warnings or errors:\n" + DiagnosticText.Format(emitted, run.OutputCompilation));
    }
}
