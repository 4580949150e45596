using System.Linq;
using Decomp.Generators.Model;

namespace Decomp.Generators.Emit;

/// <summary>
/// What the Householder kinds (QR, PivotedQR) share on top of <see cref="FactorizationEmitter"/>: a factor kept column by
/// column (column j at <c>j·M</c>) with R on and above the diagonal and v_j below it (leading 1 implied), τ_j beside it;
/// and the members written from that storage alone — <c>FactorInPlace</c>'s copy-out, the least-squares <c>Solve</c>,
/// <c>ApplyQTransposeTo</c>, <c>CopyQTo</c>, <c>CopyRTo</c> and the reflector application they use.
/// </summary>
internal abstract partial class HouseholderEmitter : FactorizationEmitter
{
    /// <summary>Member names every Householder kind declares (see <see cref="KernelEmitter.MemberNames"/>).</summary>
    protected static readonly string[] HouseholderMemberNames =
    {
        "Rows", "Columns", "M", "N", "Succeeded", "InputNotFinite", "_qr", "_tau", "_factored",
        "TryFactor", "Factor", "FactorInPlace", "Solve", "ApplyQTransposeTo", "CopyQTo", "CopyRTo",
        "EnsureFactored", "ThrowFailed", "FactorCore", "ApplyReflectors", "ApplyReflector", "FactorStorage", "DiagonalStorage", "ColumnStorage",
        "ScaledReflector", "Norm",
    };

    protected HouseholderEmitter(KernelModel model, SourceWriter writer)
        : base(model, writer)
    {
    }

    /// <summary>The factor's storage as a <c>ref</c> argument inside a readonly member.</summary>
    protected string FactorRef => $"ref {Unsafe}.AsRef(in _qr[0])";

    /// <summary>τ's storage as a <c>ref</c> argument inside a readonly member.</summary>
    protected string TauRef => $"ref {Unsafe}.AsRef(in _tau[0])";

    /// <summary><c>M</c> for a square shape (the shape constants declare it only when it differs from N), then <c>_qr</c> and <c>_tau</c>.</summary>
    protected void EmitFactorFields()
    {
        if (M == N)
        {
            W.WriteLine("private const int M = N;");
            W.WriteLine();
        }

        W.WriteLine("// Column j at j * M: R on and above the diagonal, the Householder vector v_j below it (v_j's leading 1 implied).");
        W.WriteLine("private FactorStorage _qr;");
        W.WriteLine();
        W.WriteLine("// τ_j of H_j = I − τ_j v_j v_jᵀ; τ_j = 0 when column j needed no reflection.");
        W.WriteLine("private DiagonalStorage _tau;");
        W.WriteLine();
    }

    /// <summary>
    /// <c>FactorInPlace(a, tau, …)</c>: <c>FactorCore</c> into a local factor, then R and the v_j written back over
    /// <paramref name="summary"/>'s row-major a. Every output after <c>a</c> is an N-element span passed to the core.
    /// </summary>
    /// <param name="summary">The summary's lines, without <c>///</c>.</param>
    /// <param name="outputs">The spans after <c>a</c>: type, name and the text of their <c>param</c> doc.</param>
    protected void EmitFactorInPlace(string summary, params (string Type, string Name, string Doc)[] outputs)
    {
        W.WriteLine("/// <summary>");
        foreach (var line in summary.Split('\n'))
        {
            W.WriteLine("/// " + line);
        }

        W.WriteLine("/// </summary>");
        W.WriteLine($"/// <param name=\"a\">The {Shape} matrix, row-major; overwritten.</param>");
        foreach (var (_, name, doc) in outputs)
        {
            W.WriteLine($"/// <param name=\"{name}\">{doc}</param>");
        }

        W.WriteBlock("""
            /// <returns><see langword="false"/> (and <paramref name="a"/> unchanged) when <paramref name="a"/> holds NaN or ∞.</returns>
            /// <exception cref="global::System.ArgumentException">A span is shorter than the shape needs.</exception>
            """);
        var parameters = string.Concat(outputs.Select(o => $", {o.Type} {o.Name}"));
        using (W.Block($"public static bool FactorInPlace({SpanT} a{parameters})"))
        {
            EmitSpanCheck("a", "M * N");
            foreach (var (_, name, _) in outputs)
            {
                W.WriteLine();
                EmitSpanCheck(name, "N");
            }

            var arguments = string.Concat(outputs.Select(o => $", ref {MemoryMarshal}.GetReference({o.Name})"));
            W.WriteBlock($$"""

                {{Unsafe}}.SkipInit(out FactorStorage qr);
                ref var a0 = ref {{MemoryMarshal}}.GetReference(a);
                if (FactorCore(ref a0, ref qr[0]{{arguments}}) != Succeeded)
                {
                    return false;
                }

                for (var j = 0; j < N; j++)
                {
                    for (var i = 0; i < M; i++)
                    {
                        {{Unsafe}}.Add(ref a0, i * N + j) = qr[j * M + i];
                    }
                }

                return true;
                """);
        }

        W.WriteLine();
    }

    /// <summary>
    /// <c>Solve(b, x)</c>, least squares: y = Qᵀb, then the back substitution with the leading <paramref name="count"/> ×
    /// <paramref name="count"/> block of R on y, then <paramref name="output"/> (statements that write x from y).
    /// </summary>
    /// <param name="summary">The summary's lines, without <c>///</c>.</param>
    /// <param name="prelude">A statement before Qᵀb (e.g. the rank), or <see langword="null"/>.</param>
    /// <param name="count">The number of unknowns the substitution solves: <c>N</c>, or a local the prelude declares.</param>
    /// <param name="substitutionComment">The substitution's one-line comment.</param>
    /// <param name="output">Statements writing x from y (lines at the method body's indentation).</param>
    protected void EmitLeastSquaresSolve(string summary, string? prelude, string count, string substitutionComment, string output)
    {
        W.WriteLine("/// <summary>");
        foreach (var line in summary.Split('\n'))
        {
            W.WriteLine("/// " + line);
        }

        W.WriteLine("/// </summary>");
        W.WriteBlock($$"""
            /// <param name="b">The right-hand side, {{M}} elements.</param>
            /// <param name="x">Receives the solution, {{N}} elements; may be the same span as <paramref name="b"/>.</param>
            /// <exception cref="global::System.ArgumentException">A span is shorter than the shape needs.</exception>
            """);
        using (W.Block($"public readonly void Solve({ReadOnlySpanT} b, {SpanT} x)"))
        {
            EmitSpanCheck("b", "M");
            W.WriteLine();
            EmitSpanCheck("x", "N");
            W.WriteLine();
            W.WriteLine("EnsureFactored();");
            if (prelude is not null)
            {
                W.WriteLine(prelude);
            }

            W.WriteBlock($$"""
                {{Unsafe}}.SkipInit(out ColumnStorage y);
                b.Slice(0, M).CopyTo(y);
                ref var qr = {{FactorRef}};
                ApplyReflectors(ref qr, {{TauRef}}, ref y[0], transpose: true);

                {{substitutionComment}}
                for (var k = {{count}} - 1; k >= 0; k--)
                {
                    var xk = y[k] / {{Unsafe}}.Add(ref qr, k * M + k);
                    y[k] = xk;
                    for (var i = 0; i < k; i++)
                    {
                        y[i] = {{Num.Fma($"-{Unsafe}.Add(ref qr, k * M + i)", "xk", "y[i]")}};
                    }
                }
                """);
            W.WriteLine();
            W.WriteBlock(output);
        }

        W.WriteLine();
        if (M != N)
        {
            return;
        }

        W.WriteBlock($$"""
            /// <summary>Solves A x = b in place (A is square).</summary>
            /// <param name="b">The right-hand side, {{N}} elements; overwritten by the solution x.</param>
            /// <exception cref="global::System.ArgumentException"><paramref name="b"/> is shorter than {{N}} elements.</exception>
            public readonly void Solve({{SpanT}} b)
            {
                if (b.Length < N)
                {
                    {{Errors}}.ThrowSpanTooShort(nameof(b), N, b.Length);
                }

                Solve(b, b);
            }

            """);
        W.WriteLine();
    }

    /// <summary><c>ApplyQTransposeTo</c>, <c>CopyQTo</c> and <c>CopyRTo</c>.</summary>
    /// <param name="factorization">The identity Q and R satisfy: <c>A = QR</c>, <c>AP = QR</c>.</param>
    /// <param name="r">What R is, for <c>CopyRTo</c>'s summary: "R", "R of A·P".</param>
    protected void EmitReflectorMembers(string factorization, string r)
    {
        W.WriteBlock($$"""
            /// <summary>b ← Qᵀb (all {{M}} components), applying the reflectors H_0, H_1, … without forming Q.</summary>
            /// <param name="b">The vector, {{M}} elements; overwritten.</param>
            /// <exception cref="global::System.ArgumentException"><paramref name="b"/> is shorter than {{M}} elements.</exception>
            public readonly void ApplyQTransposeTo({{SpanT}} b)
            {
                if (b.Length < M)
                {
                    {{Errors}}.ThrowSpanTooShort(nameof(b), M, b.Length);
                }

                EnsureFactored();
                ApplyReflectors({{FactorRef}}, {{TauRef}}, ref {{MemoryMarshal}}.GetReference(b), transpose: true);
            }

            /// <summary>Writes the thin Q, the first {{N}} columns of Q ({{M}} × {{N}}, row-major, orthonormal columns), so {{factorization}}.</summary>
            /// <param name="destination">Receives Q, {{M * N}} elements.</param>
            /// <exception cref="global::System.ArgumentException"><paramref name="destination"/> is shorter than {{M * N}} elements.</exception>
            public readonly void CopyQTo({{SpanT}} destination)
            {
                if (destination.Length < M * N)
                {
                    {{Errors}}.ThrowSpanTooShort(nameof(destination), M * N, destination.Length);
                }

                EnsureFactored();
                ref var q = ref {{MemoryMarshal}}.GetReference(destination);
                {{Unsafe}}.SkipInit(out ColumnStorage column);
                for (var c = 0; c < N; c++)
                {
                    for (var i = 0; i < M; i++)
                    {
                        column[i] = i == c ? {{Lit(1)}} : {{Lit(0)}};
                    }

                    ApplyReflectors({{FactorRef}}, {{TauRef}}, ref column[0], transpose: false);
                    for (var i = 0; i < M; i++)
                    {
                        {{Unsafe}}.Add(ref q, i * N + c) = column[i];
                    }
                }
            }

            /// <summary>Writes {{r}} ({{N}} × {{N}}, upper triangular, row-major with zeros below the diagonal).</summary>
            /// <param name="destination">Receives R, {{N * N}} elements.</param>
            /// <exception cref="global::System.ArgumentException"><paramref name="destination"/> is shorter than {{N * N}} elements.</exception>
            public readonly void CopyRTo({{SpanT}} destination)
            {
                if (destination.Length < N * N)
                {
                    {{Errors}}.ThrowSpanTooShort(nameof(destination), N * N, destination.Length);
                }

                EnsureFactored();
                ref var r = ref {{MemoryMarshal}}.GetReference(destination);
                for (var i = 0; i < N; i++)
                {
                    for (var j = 0; j < N; j++)
                    {
                        {{Unsafe}}.Add(ref r, i * N + j) = j >= i ? _qr[j * M + i] : {{Lit(0)}};
                    }
                }
            }

            """);
        W.WriteLine();
    }

    /// <summary><c>ApplyReflectors</c> (Qᵀx or Qx) and the one-reflector step <c>ApplyReflector</c> it is made of.</summary>
    protected void EmitApplyReflectors()
    {
        W.WriteBlock($$"""
            // x ← Qᵀx = H_{n−1}…H_0 x (transpose), or x ← Qx = H_0…H_{n−1} x.
            {{GlobalNames.AggressiveOptimization}}
            private static void ApplyReflectors(ref {{T}} qr, ref {{T}} tau, ref {{T}} x, bool transpose)
            {
                for (var step = 0; step < N; step++)
                {
                    var j = transpose ? step : N - 1 - step;
                    var tj = {{Unsafe}}.Add(ref tau, j);
                    if (tj != {{Lit(0)}})
                    {
                        ApplyReflector(ref {{Unsafe}}.Add(ref qr, j * M), tj, ref x, j);
                    }
                }
            }

            // x ← H_j x = x − τ_j v (vᵀx) on rows j … M − 1, v = column j of the factor with its leading 1 implied.
            [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            private static void ApplyReflector(ref {{T}} v, {{T}} tj, ref {{T}} x, int j)
            {
                var w = {{Unsafe}}.Add(ref x, j);
                for (var i = j + 1; i < M; i++)
                {
                    w = {{Num.Fma($"{Unsafe}.Add(ref v, i)", $"{Unsafe}.Add(ref x, i)", "w")}};
                }

                w *= tj;
                {{Unsafe}}.Add(ref x, j) -= w;
                for (var i = j + 1; i < M; i++)
                {
                    {{Unsafe}}.Add(ref x, i) = {{Num.Fma("-w", $"{Unsafe}.Add(ref v, i)", $"{Unsafe}.Add(ref x, i)")}};
                }
            }

            """);
        W.WriteLine();
    }

    /// <summary>The check that span <paramref name="name"/> holds at least <paramref name="length"/> elements.</summary>
    private void EmitSpanCheck(string name, string length)
    {
        using (W.Block($"if ({name}.Length < {length})"))
        {
            W.WriteLine($"{Errors}.ThrowSpanTooShort(nameof({name}), {length}, {name}.Length);");
        }
    }

    /// <summary>
    /// <c>Norm(ref x, from)</c>, ‖(x_from … x_{M−1})‖₂ with every term divided by the largest magnitude first, and
    /// <c>ScaledReflector(ref column, j)</c>, H_j for the column through that norm: neither over- nor underflows.
    /// </summary>
    protected void EmitScaledReflector()
    {
        W.WriteBlock($$"""
            // ‖(x_from, …, x_{M−1})‖₂, each term divided by the largest magnitude first so that no square over- or underflows.
            private static {{T}} Norm(ref {{T}} x, int from)
            {
                {{T}} largest = {{Lit(0)}};
                for (var i = from; i < M; i++)
                {
                    largest = {{T}}.Max(largest, {{T}}.Abs({{Unsafe}}.Add(ref x, i)));
                }

                if (largest == {{Lit(0)}})
                {
                    return {{Lit(0)}};
                }

                {{T}} sum = {{Lit(0)}};
                for (var i = from; i < M; i++)
                {
                    var t = {{Unsafe}}.Add(ref x, i) / largest;
                    sum = {{Num.Fma("t", "t", "sum")}};
                }

                return largest * {{T}}.Sqrt(sum);
            }

            // H_j for the column at column[0] through the scaled norm: β = −sign(α)·‖(α, x)‖, so α − β adds magnitudes and
            // v = x/(α − β) loses nothing to cancellation. Writes β to column[j] and v below it; returns τ_j (0 when x = 0: H_j = I).
            private static {{T}} ScaledReflector(ref {{T}} column, int j)
            {
                var below = Norm(ref column, j + 1);
                if (below == {{Lit(0)}})
                {
                    return {{Lit(0)}};
                }

                var alpha = {{Unsafe}}.Add(ref column, j);
                var beta = -{{T}}.CopySign({{T}}.Hypot(alpha, below), alpha);
                var toV = {{Lit(1)}} / (alpha - beta);
                for (var i = j + 1; i < M; i++)
                {
                    {{Unsafe}}.Add(ref column, i) *= toV;
                }

                {{Unsafe}}.Add(ref column, j) = beta;
                return (beta - alpha) / beta;
            }

            """);
        W.WriteLine();
    }
}
