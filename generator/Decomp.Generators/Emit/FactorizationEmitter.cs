using System.Collections.Generic;
using System.Linq;
using Decomp.Generators.Model;

namespace Decomp.Generators.Emit;

/// <summary>
/// What every kind's emitter shares: the shape constants, the factor and solve entry points with their span checks,
/// the factored-state guard, the failure throw, the flavor dispatch, the substitutions and the inline-array storage. A kind's emitter writes its own
/// algorithms and extras on top; the members written here look the same in every kind's file.
/// </summary>
internal abstract class FactorizationEmitter
{
    // Runtime types, spelled from global:: so that no user type of the same name can capture them.
    protected const string Unsafe = GlobalNames.Unsafe;

    protected const string MemoryMarshal = GlobalNames.MemoryMarshal;

    protected const string InlineArray = GlobalNames.InlineArray;

    protected const string Errors = GlobalNames.KernelErrors;

    /// <summary>Member names every square kind declares (see <see cref="KernelEmitter.MemberNames"/>).</summary>
    protected static readonly string[] CommonMemberNames =
    {
        "Rows", "Columns", "N", "Succeeded", "InputNotFinite", "_factored",
        "TryFactor", "Factor", "FactorInPlace", "SolveFactored", "Solve", "Determinant", "LogDeterminant", "Inverse",
        "EnsureFactored", "ThrowFailed", "FactorCore", "SolveCore", "FactorStorage", "DiagonalStorage",
    };

    protected FactorizationEmitter(KernelModel model, SourceWriter writer)
    {
        Model = model;
        W = writer;
        Num = Numeric.For(model.Shape.Element);
        N = model.Shape.Columns;
        M = model.Shape.Rows;
        TypeName = KernelEmitter.Identifier(model.TypeName);
    }

    protected KernelModel Model { get; }

    protected SourceWriter W { get; }

    /// <summary>The element type's spelling.</summary>
    protected Numeric Num { get; }

    /// <summary>The order n.</summary>
    protected int N { get; }

    /// <summary>Rows m (= n for the square kinds).</summary>
    protected int M { get; }

    /// <summary>Elements of the matrix, as the code spells them: <c>N * N</c>, or <c>M * N</c> for a rectangular shape.</summary>
    protected string Elements => M == N ? "N * N" : "M * N";

    /// <summary>The struct's name as source spells it.</summary>
    protected string TypeName { get; }

    protected string T => Num.Keyword;

    protected string Shape => KernelEmitter.ShapeText(Model.Shape);

    protected string ReadOnlySpanT => $"{GlobalNames.ReadOnlySpan}<{T}>";

    protected string SpanT => $"{GlobalNames.Span}<{T}>";

    protected string Lit(double value) => Num.Literal(value);

    public abstract void EmitTypeDocumentation();

    public abstract void EmitBody();

    /// <summary><c>Rows</c>, <c>Columns</c>, <c>N</c> and the factor cores' two status codes.</summary>
    protected void EmitShapeConstants()
    {
        W.WriteLine("/// <summary>Rows of the factorized matrix.</summary>");
        W.WriteLine($"public const int Rows = {M};");
        W.WriteLine();
        W.WriteLine("/// <summary>Columns of the factorized matrix.</summary>");
        W.WriteLine($"public const int Columns = {N};");
        W.WriteLine();
        if (M != N)
        {
            W.WriteLine($"private const int M = {M};");
        }

        W.WriteLine($"private const int N = {N};");
        W.WriteLine("private const int Succeeded = -1;");
        W.WriteLine("private const int InputNotFinite = -2;");
        W.WriteLine();
    }

    /// <summary>The guard against a <c>default</c> struct and the throw for a failed <c>Factor</c>.</summary>
    /// <param name="kind">The contract's <c>Kind</c> member name.</param>
    /// <param name="stepFailure">Why a factorization stops at a column (the message's reason).</param>
    protected void EmitGuards(string kind, string stepFailure)
    {
        W.WriteBlock($$"""
            private readonly void EnsureFactored()
            {
                if (!_factored)
                {
                    {{Errors}}.ThrowNotFactored(nameof({{TypeName}}));
                }
            }

            private static void ThrowFailed(int step)
            {
                if (step == InputNotFinite)
                {
                    {{Errors}}.ThrowFactorizationFailed(global::Decomp.Kind.{{kind}}, Rows, Columns, -1, "the matrix contains NaN or infinity");
                }

                {{Errors}}.ThrowFactorizationFailed(global::Decomp.Kind.{{kind}}, Rows, Columns, step, "{{stepFailure}}");
            }

            """);
        W.WriteLine();
    }

    /// <summary>
    /// <c>FactorCore</c>: calls the first flavor whose registers the machine accelerates (JIT-time constants,
    /// so only one call survives), the last flavor unconditionally.
    /// </summary>
    protected void EmitDispatch(string comment, string parameters, string arguments, IEnumerable<(string? Condition, string Method)> kernels)
    {
        foreach (var line in comment.Split('\n'))
        {
            W.WriteLine("// " + line);
        }

        W.WriteLine(GlobalNames.AggressiveOptimization);
        using (W.Block($"private static int FactorCore({parameters})"))
        {
            foreach (var (condition, method) in kernels)
            {
                var call = $"{method}({arguments})";
                if (condition is null)
                {
                    W.WriteLine($"return {call};");
                    break;
                }

                using (W.Block($"if ({condition})"))
                {
                    W.WriteLine($"return {call};");
                }

                W.WriteLine();
            }
        }

        W.WriteLine();
    }

    /// <summary>A fixed-length inline array of <paramref name="element"/>, the factor's storage without allocation.</summary>
    protected void EmitInlineArray(string name, string element, int length, bool last = false)
    {
        W.WriteLine($"[{InlineArray}({length})]");
        using (W.Block($"private struct {name}"))
        {
            W.WriteLine($"private {element} _element0;");
        }

        if (!last)
        {
            W.WriteLine();
        }
    }

    /// <summary>
    /// <c>TryFactor</c> and <c>Factor</c>: one length check, then the kind's <c>FactorCore</c> straight into the struct's
    /// storage (<paramref name="storage"/>: the core's arguments after <c>a</c>, spelled on a local named <c>factor</c>).
    /// </summary>
    /// <param name="summary">What the factorization is, for the summary: "Factors the row-major 8×8 matrix a …".</param>
    /// <param name="matrix">The doc of parameter a.</param>
    /// <param name="failure">When the factorization fails: "is not positive definite".</param>
    protected void EmitFactorEntryPoints(string summary, string matrix, string? failure, string storage)
    {
        var nn = Elements;
        var failing = failure is null ? "holds NaN or ∞" : $"{failure} or holds NaN or ∞";
        W.WriteBlock($$"""
            /// <summary>Factors the row-major {{Shape}} matrix <paramref name="a"/>{{summary}}.</summary>
            /// <param name="a">{{matrix}}</param>
            /// <param name="factor">The factorization, or <see langword="default"/> when this returns <see langword="false"/>.</param>
            /// <returns><see langword="false"/> when <paramref name="a"/> {{failing}}.</returns>
            /// <exception cref="global::System.ArgumentException"><paramref name="a"/> is shorter than {{M * N}} elements.</exception>
            public static bool TryFactor({{ReadOnlySpanT}} a, out {{TypeName}} factor)
            {
                if (a.Length < {{nn}})
                {
                    {{Errors}}.ThrowSpanTooShort(nameof(a), {{nn}}, a.Length);
                }

                {{Unsafe}}.SkipInit(out factor);
                if (FactorCore(ref {{MemoryMarshal}}.GetReference(a), {{storage}}) != Succeeded)
                {
                    factor = default;
                    return false;
                }

                factor._factored = true;
                return true;
            }

            /// <summary>Factors the row-major {{Shape}} matrix <paramref name="a"/>{{summary}}.</summary>
            /// <param name="a">{{matrix}}</param>
            /// <returns>The factorization.</returns>
            /// <exception cref="global::Decomp.FactorizationException"><paramref name="a"/> {{failing}}.</exception>
            /// <exception cref="global::System.ArgumentException"><paramref name="a"/> is shorter than {{M * N}} elements.</exception>
            public static {{TypeName}} Factor({{ReadOnlySpanT}} a)
            {
                if (a.Length < {{nn}})
                {
                    {{Errors}}.ThrowSpanTooShort(nameof(a), {{nn}}, a.Length);
                }

                {{Unsafe}}.SkipInit(out {{TypeName}} factor);
                var step = FactorCore(ref {{MemoryMarshal}}.GetReference(a), {{storage}});
                if (step != Succeeded)
                {
                    ThrowFailed(step);
                }

                factor._factored = true;
                return factor;
            }

            """);
        W.WriteLine();
    }

    /// <summary>
    /// Both <c>Solve</c> overloads: length checks, then the kind's <c>SolveCore</c> on the struct's storage
    /// (<paramref name="storage"/>: the core's arguments before the right-hand side).
    /// </summary>
    protected void EmitSolveEntryPoints(string storage)
    {
        W.WriteBlock($$"""
            /// <summary>Solves A x = b.</summary>
            /// <param name="b">The right-hand side, {{N}} elements.</param>
            /// <param name="x">Receives the solution, {{N}} elements; may be the same span as <paramref name="b"/>.</param>
            /// <exception cref="global::System.ArgumentException">A span is shorter than {{N}} elements.</exception>
            public readonly void Solve({{ReadOnlySpanT}} b, {{SpanT}} x)
            {
                if (b.Length < N)
                {
                    {{Errors}}.ThrowSpanTooShort(nameof(b), N, b.Length);
                }

                if (x.Length < N)
                {
                    {{Errors}}.ThrowSpanTooShort(nameof(x), N, x.Length);
                }

                EnsureFactored();
                b.Slice(0, N).CopyTo(x);
                SolveCore({{storage}}, ref {{MemoryMarshal}}.GetReference(x));
            }

            /// <summary>Solves A x = b in place.</summary>
            /// <param name="b">The right-hand side, {{N}} elements; overwritten by the solution x.</param>
            /// <exception cref="global::System.ArgumentException"><paramref name="b"/> is shorter than {{N}} elements.</exception>
            public readonly void Solve({{SpanT}} b)
            {
                if (b.Length < N)
                {
                    {{Errors}}.ThrowSpanTooShort(nameof(b), N, b.Length);
                }

                EnsureFactored();
                SolveCore({{storage}}, ref {{MemoryMarshal}}.GetReference(b));
            }

            """);
        W.WriteLine();
    }

    /// <summary>
    /// The offset <c>row·stride + column</c> of a row-major (or column-major) entry: folded to a number when both indices
    /// are numbers (unrolled code), an expression otherwise.
    /// </summary>
    protected string Index(string row, string stride, string column)
    {
        var strideValue = stride == "N" ? N : stride == "Stride" ? StrideValue : -1;
        if (strideValue >= 0 && int.TryParse(row, out var r) && int.TryParse(column, out var c))
        {
            return ((r * strideValue) + c).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return $"{row} * {stride} + {column}";
    }

    /// <summary>The column stride of the kind's storage when it is not n (LU pads columns to the register width).</summary>
    protected virtual int StrideValue => N;

    /// <summary>Largest order whose substitutions are emitted straight-line (x in locals); loops above.</summary>
    protected const int UnrolledSubstitutionMax = 12;

    /// <summary>
    /// The two triangular substitutions on x in place: a forward one with a lower-triangular matrix F (unit diagonal, or
    /// scaled by <c>inverseDiagonal</c> when <paramref name="forwardScaled"/>), then a backward one with an upper-triangular B
    /// scaled by <c>inverseDiagonal</c>. Entries are given as expressions: <paramref name="forward"/>(i, k) = f_ik (i &gt; k),
    /// <paramref name="backward"/>(i, k) = b_ik (i &lt; k); the loop form takes the same with "i" and "k" as text.
    /// </summary>
    protected void EmitSubstitutions(
        bool forwardScaled,
        string forwardComment,
        System.Func<string, string, string> forward,
        string backwardComment,
        System.Func<string, string, string> backward)
    {
        string Inverse(string k) => $"{Unsafe}.Add(ref inverseDiagonal, {k})";
        string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (N <= UnrolledSubstitutionMax)
        {
            for (var i = 0; i < N; i++)
            {
                W.WriteLine($"var x{i} = {Unsafe}.Add(ref x, {i});");
            }

            W.WriteLine();
            W.WriteLine(forwardComment);
            for (var k = 0; k < N; k++)
            {
                if (forwardScaled)
                {
                    W.WriteLine($"x{k} *= {Inverse(Text(k))};");
                }

                for (var i = k + 1; i < N; i++)
                {
                    W.WriteLine($"x{i} = {Num.Fma($"-{forward(Text(i), Text(k))}", $"x{k}", $"x{i}")};");
                }
            }

            W.WriteLine();
            W.WriteLine(backwardComment);
            for (var k = N - 1; k >= 0; k--)
            {
                W.WriteLine($"x{k} *= {Inverse(Text(k))};");
                for (var i = k - 1; i >= 0; i--)
                {
                    W.WriteLine($"x{i} = {Num.Fma($"-{backward(Text(i), Text(k))}", $"x{k}", $"x{i}")};");
                }
            }

            W.WriteLine();
            for (var i = 0; i < N; i++)
            {
                W.WriteLine($"{Unsafe}.Add(ref x, {i}) = x{i};");
            }

            return;
        }

        W.WriteLine(forwardComment);
        using (W.Block(forwardScaled ? "for (var k = 0; k < N; k++)" : "for (var k = 0; k < N - 1; k++)"))
        {
            W.WriteLine(forwardScaled
                ? $"var yk = {Unsafe}.Add(ref x, k) * {Inverse("k")};"
                : $"var yk = {Unsafe}.Add(ref x, k);");
            if (forwardScaled)
            {
                W.WriteLine($"{Unsafe}.Add(ref x, k) = yk;");
            }

            using (W.Block("for (var i = k + 1; i < N; i++)"))
            {
                W.WriteLine($"{Unsafe}.Add(ref x, i) = {Num.Fma($"-{forward("i", "k")}", "yk", $"{Unsafe}.Add(ref x, i)")};");
            }
        }

        W.WriteLine();
        W.WriteLine(backwardComment);
        using (W.Block("for (var k = N - 1; k >= 0; k--)"))
        {
            W.WriteLine($"var xk = {Unsafe}.Add(ref x, k) * {Inverse("k")};");
            W.WriteLine($"{Unsafe}.Add(ref x, k) = xk;");
            using (W.Block("for (var i = 0; i < k; i++)"))
            {
                W.WriteLine($"{Unsafe}.Add(ref x, i) = {Num.Fma($"-{backward("i", "k")}", "xk", $"{Unsafe}.Add(ref x, i)")};");
            }
        }
    }

    /// <summary>
    /// For a 4×4 <c>float</c> shape, overloads on <c>System.Numerics.Matrix4x4</c> and <c>Vector4</c>: both are row-major
    /// floats (M11, M12, … M44; X, Y, Z, W), so they are read and written in place, with no copy into spans.
    /// </summary>
    protected void EmitNumericsInterop(string kindText)
    {
        if (N != 4 || Num.Size != 4)
        {
            return;
        }

        const string Matrix4x4 = "global::System.Numerics.Matrix4x4";
        const string Vector4 = "global::System.Numerics.Vector4";
        var matrixSpan = $"{MemoryMarshal}.CreateReadOnlySpan(ref {Unsafe}.As<{Matrix4x4}, float>(ref {Unsafe}.AsRef(in a)), 16)";
        W.WriteBlock($$"""
            /// <summary>Factors a <see cref="{{Matrix4x4}}"/> (read in place, row-major as its fields M11 … M44).</summary>
            /// <param name="a">The matrix.</param>
            /// <param name="factor">The {{kindText}}, or <see langword="default"/> when this returns <see langword="false"/>.</param>
            /// <returns><see langword="false"/> when the matrix cannot be factored or holds NaN or ∞.</returns>
            public static bool TryFactor(in {{Matrix4x4}} a, out {{TypeName}} factor)
                => TryFactor({{matrixSpan}}, out factor);

            /// <summary>Factors a <see cref="{{Matrix4x4}}"/> (read in place, row-major as its fields M11 … M44).</summary>
            /// <param name="a">The matrix.</param>
            /// <returns>The {{kindText}}.</returns>
            /// <exception cref="global::Decomp.FactorizationException">The matrix cannot be factored or holds NaN or ∞.</exception>
            public static {{TypeName}} Factor(in {{Matrix4x4}} a)
                => Factor({{matrixSpan}});

            /// <summary>Solves A x = b for a <see cref="{{Vector4}}"/> (X, Y, Z, W are the rows).</summary>
            /// <param name="b">The right-hand side.</param>
            /// <returns>The solution x.</returns>
            public readonly {{Vector4}} Solve({{Vector4}} b)
            {
                Solve({{MemoryMarshal}}.CreateSpan(ref {{Unsafe}}.As<{{Vector4}}, float>(ref b), 4));
                return b;
            }

            /// <summary>A⁻¹ as a <see cref="{{Matrix4x4}}"/>.</summary>
            /// <returns>The inverse.</returns>
            public readonly {{Matrix4x4}} Inverse()
            {
                {{Unsafe}}.SkipInit(out {{Matrix4x4}} result);
                Inverse({{MemoryMarshal}}.CreateSpan(ref {{Unsafe}}.As<{{Matrix4x4}}, float>(ref result), 16));
                return result;
            }

            """);
        W.WriteLine();
    }

    /// <summary>The flavors whose registers fit a row of n elements, widest first; scalar always.</summary>
    protected IEnumerable<VectorFlavor> RowFlavors() => VectorFlavor.All.Where(f => f.Lanes(Num) <= N);
}
