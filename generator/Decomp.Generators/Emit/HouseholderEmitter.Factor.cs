using System.Collections.Generic;
using System.Linq;

namespace Decomp.Generators.Emit;

/// <summary>
/// The QR factor as SIMD column operations (<c>geqr2</c>, one reflector at a time; with column pivoting <c>laqp2</c>). Every column of the
/// factor is a short vector; each reflector needs one dot product per trailing column (vᵀc) and one FMA sweep
/// (c − τ(vᵀc)v).
/// </summary>
/// <remarks>
/// <para>
/// A column is cut into <em>virtual vectors</em> of L lanes (the smallest power of two ≥ M, at most 64 bytes), and
/// every flavor computes on the same virtual vectors: a Vector512 flavor holds one in a register, Vector256 in two,
/// Vector128 in four, the scalar flavor in L locals. A dot product accumulates lane by lane over the column's
/// virtual vectors and then folds halves (lane ℓ + lane ℓ + L/2, then L/4, …, 1), so every flavor adds the same
/// numbers in the same order and all flavors give bit-identical factors.
/// </para>
/// <para>
/// ‖x‖² is summed unscaled, and only when it lies where squaring lost nothing (above 2⁻¹⁰⁰⁰ in double,
/// 2⁻¹¹⁰ in float) and α² + ‖x‖² is finite is it used; otherwise the reflector is formed by the scaled scalar
/// computation (<c>ScaledReflector</c>, shared with PivotedQR), so no input overflows or underflows in it.
/// </para>
/// </remarks>
internal abstract partial class HouseholderEmitter
{
    /// <summary>Lanes of the virtual vector: the smallest power of two ≥ M, at most 64 bytes of elements.</summary>
    private int VirtualLanes
    {
        get
        {
            var cap = 64 / Num.Size;
            var lanes = 1;
            while (lanes < M && lanes < cap)
            {
                lanes *= 2;
            }

            return lanes;
        }
    }

    /// <summary>Column stride while factoring: M rounded up to whole virtual vectors (padding rows are zeros).</summary>
    private int Padded => (M + VirtualLanes - 1) / VirtualLanes * VirtualLanes;

    private int Chunks => Padded / VirtualLanes;

    /// <summary>Reflectors formed: the last column of a square matrix has nothing below its diagonal.</summary>
    private int Steps => M == N ? N - 1 : N;

    /// <summary>The flavors worth emitting for this shape: registers no wider than a virtual vector (or the matrix).</summary>
    private IEnumerable<VectorFlavor> FactorFlavors()
        => VectorFlavor.All.Where(f => f.IsScalar || (f.Lanes(Num) <= VirtualLanes && f.Lanes(Num) <= M * N));

    /// <summary>The names the factor kernels may declare: one core per flavor, the workspace, the scratch vector.</summary>
    protected static IEnumerable<string> FactorMemberNames(bool pivoted)
        => VectorFlavor.All.Select(f => "FactorCore" + f.Suffix).Concat(pivoted ? new[] { "Workspace" } : new[] { "Workspace", "VectorStorage" });

    /// <summary>
    /// Straight-line factor with every column in registers: one virtual vector per column and at most
    /// <see cref="UnrolledColumnsMax"/> columns, so no column goes through memory between steps.
    /// </summary>
    private bool IsUnrolled => !Pivoted && Chunks == 1 && N <= UnrolledColumnsMax;

    /// <summary>
    /// Column pivoting (PivotedQR): before step j the remaining column of largest partial norm is swapped in, and after it
    /// the partial norms are downdated (LAPACK Working Note 176). Columns then move, so the factor always runs as loops
    /// over columns in memory.
    /// </summary>
    protected virtual bool Pivoted => false;

    private const int UnrolledColumnsMax = 16;

    protected void EmitFactorKernels()
    {
        EmitDispatch(
            Pivoted
                ? "Returns Succeeded or InputNotFinite. a is row-major; qr receives the factor of A·P column by column, permutation P."
                : "Returns Succeeded or InputNotFinite. a is row-major; qr receives the factor column by column.",
            FactorParameters,
            FactorArguments,
            FactorFlavors().Select(f => (f.IsScalar ? null : $"{f.StaticName}.IsHardwareAccelerated", "FactorCore" + f.Suffix)));
        foreach (var flavor in FactorFlavors())
        {
            if (IsUnrolled)
            {
                EmitFactorCoreUnrolled(flavor);
            }
            else
            {
                EmitFactorCore(flavor);
            }
        }

        EmitScaledReflector();
    }

    private string FactorParameters => $"ref {T} a, ref {T} qr, ref {T} tau" + (Pivoted ? ", ref int permutation" : string.Empty);

    private string FactorArguments => "ref a, ref qr, ref tau" + (Pivoted ? ", ref permutation" : string.Empty);

    /// <summary>The scratch the factor kernels declare: a vector for the scaled path of the straight-line kernel, or the padded workspace.</summary>
    protected void EmitFactorScratch()
    {
        if (IsUnrolled)
        {
            EmitInlineArray("VectorStorage", T, VirtualLanes);
        }
        else if (Padded != M)
        {
            EmitInlineArray("Workspace", T, Padded * N);
        }
    }

    private void EmitFactorCore(VectorFlavor f)
    {
        var lanes = f.IsScalar ? 1 : f.Lanes(Num);
        var parts = VirtualLanes / lanes;
        var zero = f.Zero(Num);
        string Name(string prefix, int chunk, int part) => $"{prefix}{chunk}_{part}";
        int Offset(int chunk, int part) => (chunk * VirtualLanes) + (part * lanes);
        IEnumerable<(int Chunk, int Part)> From(int chunk)
            => Enumerable.Range(chunk, Chunks - chunk).SelectMany(c => Enumerable.Range(0, parts).Select(p => (c, p)));

        // Lanes of (chunk, part) against the step j: index > j, index == j.
        string Greater(int chunk, int part, string ifTrue, string ifFalse)
            => f.IsScalar
                ? $"({Offset(chunk, part)} > j ? {ifTrue} : {ifFalse})"
                : $"{f.StaticName}.ConditionalSelect({f.StaticName}.GreaterThan({Name("index", chunk, part)}, jv), {ifTrue}, {ifFalse})";
        string Equal(int chunk, int part, string ifTrue, string ifFalse)
            => f.IsScalar
                ? $"({Offset(chunk, part)} == j ? {ifTrue} : {ifFalse})"
                : $"{f.StaticName}.ConditionalSelect({f.StaticName}.Equals({Name("index", chunk, part)}, jv), {ifTrue}, {ifFalse})";

        W.WriteLine(GlobalNames.AggressiveOptimization);
        using (W.Block($"private static int FactorCore{f.Suffix}({FactorParameters})"))
        {
            EmitFiniteCheck(f, lanes);

            W.WriteLine();
            if (Padded == M)
            {
                W.WriteLine($"// Factored in place in qr, column j at j * {M}.");
                W.WriteLine("ref var w0 = ref qr;");
            }
            else
            {
                W.WriteLine($"// Factored in a workspace whose columns are padded with zeros to {Padded} rows (whole vectors), then copied to qr.");
                W.WriteLine($"{Unsafe}.SkipInit(out Workspace work);");
                W.WriteLine("ref var w0 = ref work[0];");
            }

            if (!f.IsScalar)
            {
                // Columns gathered into registers and stored whole: the first vector loads then forward from those stores
                // (scalar stores into a vector's bytes would stall them until the stores retire).
                W.WriteLine("// A's columns, gathered lane by lane, padded with zeros.");
                for (var j = 0; j < N; j++)
                {
                    foreach (var (c, p) in From(0))
                    {
                        var rows = Enumerable.Range(Offset(c, p), lanes)
                            .Select(r => r < M ? $"{Unsafe}.Add(ref a, {(r * N) + j})" : Lit(0));
                        W.WriteLine(f.Store(f.Create(rows), "w0", (j * Padded) + Offset(c, p)));
                    }
                }
            }
            else
            {
                EmitScalarTransposeIn();
            }

            if (!f.IsScalar)
            {
                W.WriteLine();
                W.WriteLine("// Row indices of each register's lanes, to mask the rows above and on the diagonal.");
                foreach (var (c, p) in From(0))
                {
                    W.WriteLine($"var {Name("index", c, p)} = {f.Create(Enumerable.Range(Offset(c, p), lanes).Select(i => Lit(i)))};");
                }
            }

            if (Pivoted)
            {
                W.WriteBlock($$"""

                    // partial[k]: the norm of what is left of column k below the finished rows, downdated step by step;
                    // exact[k]: that norm when it was last computed from the column.
                    {{Unsafe}}.SkipInit(out DiagonalStorage partial);
                    {{Unsafe}}.SkipInit(out DiagonalStorage exact);
                    for (var k = 0; k < N; k++)
                    {
                        partial[k] = exact[k] = Norm(ref {{Unsafe}}.Add(ref w0, k * {{Padded}}), 0);
                        {{Unsafe}}.Add(ref permutation, k) = k;
                    }
                    """);
            }

            for (var phase = 0; phase < Chunks; phase++)
            {
                var first = phase * VirtualLanes;
                var end = System.Math.Min(Steps, first + VirtualLanes);
                if (first >= end)
                {
                    break;
                }

                var chunks = From(phase).ToList();
                W.WriteLine();
                W.WriteLine(Chunks == 1
                    ? "// Reflector H_j = I − τ_j v_j v_jᵀ zeroes column j below the diagonal, then is applied to the columns to its right."
                    : $"// Steps {first}..{end - 1}: rows 0..{first - 1} are final, so only rows from {first} on (vectors {phase}..{Chunks - 1}) take part.");
                using (W.Block($"for (var j = {first}; j < {end}; j++)"))
                {
                    if (Pivoted)
                    {
                        EmitPivotSwap(f, From(0).ToList(), Offset);
                    }

                    W.WriteLine($"ref var cj = ref {Unsafe}.Add(ref w0, j * {Padded});");
                    W.WriteLine($"var alpha = {Unsafe}.Add(ref cj, j);");
                    if (!f.IsScalar)
                    {
                        W.WriteLine($"var jv = {f.Broadcast($"({T})j")};");
                    }

                    W.WriteLine();
                    W.WriteLine("// ‖x‖² of the part below the diagonal.");
                    foreach (var (c, p) in chunks)
                    {
                        W.WriteLine($"var {Name("x", c, p)} = {f.Load("cj", Offset(c, p))};");
                        if (c == phase)
                        {
                            W.WriteLine($"var {Name("t", c, p)} = {Greater(c, p, Name("x", c, p), zero)};");
                        }
                    }

                    string Tail(int c, int p) => c == phase ? Name("t", c, p) : Name("x", c, p);
                    EmitDot(f, parts, chunks, Tail, Tail, "s", "norm2");

                    // The trailing columns are updated with the unnormalized u = (α − β, x): H = I − γ u uᵀ with
                    // γ = 2/uᵀu = 1/(β(β − α)) = 1/(α² + ‖x‖² + |α|·‖(α, x)‖), all terms positive. Then uᵀc = xᵀc + (α − β)c_j,
                    // and xᵀc does not wait for the square root and the division: only one FMA, one product and the update
                    // follow them. The stored v = x/(α − β) and τ are the same reflector, for Q and the solves.
                    W.WriteLine();
                    var one = f.IsScalar ? Lit(1) : $"{f.Type(Num)}.One";
                    using (EmitFastReflector(f, chunks.Select(cp => Name("u", cp.Chunk, cp.Part))))
                    {
                        if (!f.IsScalar)
                        {
                            W.WriteLine($"var betaV = {f.Broadcast("beta")};");
                            W.WriteLine($"var headV = {f.Broadcast("head")};");
                        }

                        foreach (var (c, p) in chunks)
                        {
                            var x = Name("x", c, p);
                            if (c == phase)
                            {
                                W.WriteLine($"{Name("u", c, p)} = {Equal(c, p, f.IsScalar ? "head" : "headV", Name("t", c, p))};");
                                W.WriteLine(f.Store(Greater(c, p, $"{x} * toV", Equal(c, p, f.IsScalar ? "beta" : "betaV", x)), "cj", Offset(c, p)));
                            }
                            else
                            {
                                W.WriteLine($"{Name("u", c, p)} = {x};");
                                W.WriteLine(f.Store($"{x} * toV", "cj", Offset(c, p)));
                            }
                        }
                    }

                    using (W.Block("else"))
                    {
                        W.WriteLine("// Squaring over- or underflowed somewhere: the scaled computation, from memory; u = v, γ = τ.");
                        W.WriteLine("tj = ScaledReflector(ref cj, j);");
                        W.WriteLine($"head = {Lit(1)};");
                        W.WriteLine("gamma = tj;");
                        foreach (var (c, p) in chunks)
                        {
                            var load = f.Load("cj", Offset(c, p));
                            W.WriteLine($"{Name("u", c, p)} = {(c == phase ? Greater(c, p, load, Equal(c, p, one, zero)) : load)};");
                        }
                    }

                    W.WriteLine();
                    W.WriteLine($"{Unsafe}.Add(ref tau, j) = tj;");
                    W.WriteLine();
                    W.WriteLine("// The columns to the right: c ← c − γ (uᵀc) u, with uᵀc = (u's part below the diagonal)ᵀc + head·c_j;");
                    W.WriteLine("// τ_j = 0 (nothing below the diagonal) leaves them as they are.");
                    using (W.Block($"if (tj != {Lit(0)})"))
                    {
                        if (!f.IsScalar)
                        {
                            foreach (var (c, p) in chunks.Where(cp => cp.Chunk == phase))
                            {
                                W.WriteLine($"var {Name("b", c, p)} = {Greater(c, p, Name("u", c, p), zero)};");
                            }
                        }

                        string Below(int c, int p) => c != phase ? Name("u", c, p) : f.IsScalar ? Greater(c, p, Name("u", c, p), zero) : Name("b", c, p);
                        using (W.Block("for (var k = j + 1; k < N; k++)"))
                        {
                            W.WriteLine($"ref var ck = ref {Unsafe}.Add(ref w0, k * {Padded});");
                            foreach (var (c, p) in chunks)
                            {
                                W.WriteLine($"var {Name("c", c, p)} = {f.Load("ck", Offset(c, p))};");
                            }

                            EmitDot(f, parts, chunks, Below, (c, p) => Name("c", c, p), "d", "dot");
                            W.WriteLine($"var w = {f.Broadcast($"-gamma * {Num.Fma("head", $"{Unsafe}.Add(ref ck, j)", "dot")}")};");
                            foreach (var (c, p) in chunks)
                            {
                                W.WriteLine(f.Store(f.Fma(Num, "w", Name("u", c, p), Name("c", c, p)), "ck", Offset(c, p)));
                            }
                        }
                    }

                    if (Pivoted)
                    {
                        EmitNormDowndate();
                    }
                }
            }

            if (M == N)
            {
                W.WriteLine();
                W.WriteLine("// The last column has nothing below its diagonal: H = I.");
                W.WriteLine($"{Unsafe}.Add(ref tau, N - 1) = {Lit(0)};");
            }

            if (Padded != M)
            {
                W.WriteLine();
                using (W.Block("for (var j = 0; j < N; j++)"))
                {
                    using (W.Block("for (var i = 0; i < M; i++)"))
                    {
                        W.WriteLine($"{Unsafe}.Add(ref qr, j * M + i) = {Unsafe}.Add(ref w0, j * {Padded} + i);");
                    }
                }
            }

            W.WriteLine();
            W.WriteLine("return Succeeded;");
        }

        W.WriteLine();
    }

    /// <summary>A's columns into the workspace element by element (the scalar flavor), padded with zeros.</summary>
    private void EmitScalarTransposeIn()
    {
        using (W.Block("for (var j = 0; j < N; j++)"))
        {
            using (W.Block("for (var i = 0; i < M; i++)"))
            {
                W.WriteLine($"{Unsafe}.Add(ref w0, j * {Padded} + i) = {Unsafe}.Add(ref a, i * N + j);");
            }

            if (Padded != M)
            {
                using (W.Block($"for (var i = M; i < {Padded}; i++)"))
                {
                    W.WriteLine($"{Unsafe}.Add(ref w0, j * {Padded} + i) = {Lit(0)};");
                }
            }
        }
    }

    /// <summary>
    /// The factor of <see cref="EmitFactorCore"/> with the step loop unrolled and each column a register (or
    /// <c>parts</c> of them): the same operations on the same virtual vectors, so the same bits, without the
    /// stores and loads between steps. The masks are constants; the scaled path goes through <c>VectorStorage</c>.
    /// </summary>
    private void EmitFactorCoreUnrolled(VectorFlavor f)
    {
        var lanes = f.IsScalar ? 1 : f.Lanes(Num);
        var parts = VirtualLanes / lanes;
        var zero = f.Zero(Num);
        var one = f.IsScalar ? Lit(1) : $"{f.Type(Num)}.One";
        var chunks = Enumerable.Range(0, parts).Select(p => (Chunk: 0, Part: p)).ToList();
        string Col(int k, int p) => parts == 1 ? $"c{k}" : $"c{k}_{p}";

        // Lane masks of part p against step j as constants; the scalar flavor decides per lane at generation time.
        string Mask(int p, System.Func<int, bool> lane)
            => $"{f.StaticName}.{Num.MaskReinterpret}({f.StaticName}.Create({string.Join(", ", Enumerable.Range(p * lanes, lanes).Select(r => (lane(r) ? "-1" : "0") + Num.MaskSuffix))}))";
        string Select(int p, System.Func<int, bool> lane, string ifTrue, string ifFalse)
        {
            if (f.IsScalar)
            {
                return lane(p) ? ifTrue : ifFalse;
            }

            var all = Enumerable.Range(p * lanes, lanes).Select(lane).ToList();
            return all.All(x => x) ? ifTrue : all.All(x => !x) ? ifFalse : $"{f.StaticName}.ConditionalSelect({Mask(p, lane)}, {ifTrue}, {ifFalse})";
        }

        (int Part, int Lane) Where(int row) => (row / lanes, row % lanes);
        string LaneOf(int k, int row) => f.Lane(Col(k, Where(row).Part), Where(row).Lane);

        W.WriteLine(GlobalNames.AggressiveOptimization);
        using (W.Block($"private static int FactorCore{f.Suffix}(ref {T} a, ref {T} qr, ref {T} tau)"))
        {
            EmitFiniteCheck(f, lanes);

            W.WriteLine();
            W.WriteLine(parts == 1 ? "// c{k} holds column k, padded with zeros." : "// c{k}_{p} holds part p of column k, padded with zeros.");
            for (var k = 0; k < N; k++)
            {
                for (var p = 0; p < parts; p++)
                {
                    var rows = Enumerable.Range(p * lanes, lanes).Select(r => r < M ? $"{Unsafe}.Add(ref a, {(r * N) + k})" : Lit(0));
                    W.WriteLine($"var {Col(k, p)} = {f.Create(rows)};");
                }
            }

            for (var j = 0; j < Steps; j++)
            {
                var jj = j;
                bool Below(int row) => row > jj;
                bool Diagonal(int row) => row == jj;
                string Tail(int k, int p) => Select(p, Below, Col(k, p), zero);

                W.WriteLine();
                W.WriteLine($"// Column {j}: H_{j} = I − γ u uᵀ, u = (α − β, x) on rows {j}…, then the columns to its right.");
                using (W.Block(string.Empty))
                {
                    W.WriteLine($"var alpha = {LaneOf(j, j)};");
                    foreach (var (_, p) in chunks)
                    {
                        W.WriteLine($"var t{p} = {Tail(j, p)};");
                    }

                    EmitDot(f, parts, chunks, (_, p) => $"t{p}", (_, p) => $"t{p}", "s", "norm2");
                    using (EmitFastReflector(f, chunks.Select(cp => $"u{cp.Part}")))
                    {
                        foreach (var (_, p) in chunks)
                        {
                            W.WriteLine($"u{p} = {Select(p, Diagonal, f.Broadcast("head"), $"t{p}")};");
                            var stored = Select(p, Below, $"{Col(j, p)} * toV", Select(p, Diagonal, f.Broadcast("beta"), Col(j, p)));
                            if (stored != Col(j, p))
                            {
                                W.WriteLine($"{Col(j, p)} = {stored};");
                            }
                        }
                    }

                    using (W.Block("else"))
                    {
                        W.WriteLine("// Squaring over- or underflowed somewhere: the scaled computation, through memory; u = v, γ = τ.");
                        W.WriteLine($"{Unsafe}.SkipInit(out VectorStorage column);");
                        foreach (var (_, p) in chunks)
                        {
                            W.WriteLine(f.Store(Col(j, p), "column[0]", p * lanes));
                        }

                        W.WriteLine($"tj = ScaledReflector(ref column[0], {j});");
                        W.WriteLine($"head = {Lit(1)};");
                        W.WriteLine("gamma = tj;");
                        foreach (var (_, p) in chunks)
                        {
                            W.WriteLine($"{Col(j, p)} = {f.Load("column[0]", p * lanes)};");
                            W.WriteLine($"u{p} = {Select(p, Below, Col(j, p), Select(p, Diagonal, one, zero))};");
                        }
                    }

                    W.WriteLine($"{Unsafe}.Add(ref tau, {j}) = tj;");
                    if (j + 1 < N)
                    {
                        W.WriteLine();
                        W.WriteLine($"// c ← c − γ (uᵀc) u for the columns to the right; τ_j = 0 leaves them as they are.");
                        W.WriteLine($"var minusGamma = -gamma;");
                        foreach (var (_, p) in chunks)
                        {
                            W.WriteLine($"var b{p} = {Select(p, Below, $"u{p}", zero)};");
                        }

                        for (var k = j + 1; k < N; k++)
                        {
                            EmitDot(f, parts, chunks, (_, p) => $"b{p}", (_, p) => Col(k, p), $"d{k}_", $"dot{k}");
                            W.WriteLine($"var w{k} = {f.Broadcast($"minusGamma * {Num.Fma("head", LaneOf(k, j), $"dot{k}")}")};");
                            foreach (var (_, p) in chunks)
                            {
                                W.WriteLine($"{Col(k, p)} = {f.Fma(Num, $"w{k}", $"u{p}", Col(k, p))};");
                            }
                        }
                    }
                }
            }

            if (M == N)
            {
                W.WriteLine();
                W.WriteLine("// The last column has nothing below its diagonal: H = I.");
                W.WriteLine($"{Unsafe}.Add(ref tau, N - 1) = {Lit(0)};");
            }

            W.WriteLine();
            if (Padded != M)
            {
                W.WriteLine($"// Each column store also writes {Padded - M} padding zeros into the next column's place, which that column's store");
                W.WriteLine("// then overwrites; the last column goes through VectorStorage, so nothing is written past qr.");
            }

            for (var k = 0; k < N; k++)
            {
                var last = Padded != M && k == N - 1;
                if (last)
                {
                    W.WriteLine($"{Unsafe}.SkipInit(out VectorStorage lastColumn);");
                }

                foreach (var (_, p) in chunks)
                {
                    W.WriteLine(last ? f.Store(Col(k, p), "lastColumn[0]", p * lanes) : f.Store(Col(k, p), "qr", (k * M) + (p * lanes)));
                }

                if (last)
                {
                    W.WriteLine($"((global::System.ReadOnlySpan<{T}>)lastColumn).Slice(0, M).CopyTo({MemoryMarshal}.CreateSpan(ref {Unsafe}.Add(ref qr, {k * M}), M));");
                }
            }

            W.WriteLine();
            W.WriteLine("return Succeeded;");
        }

        W.WriteLine();
    }

    /// <summary>
    /// Declares τ_j, head (u_j = α − β), γ and the registers of u; forms α² + ‖x‖² and opens the fast path, in which β, head,
    /// γ, τ_j and toV = 1/head are computed here and the caller writes u and the stored column before disposing the scope.
    /// </summary>
    private SourceWriter.Scope EmitFastReflector(VectorFlavor f, IEnumerable<string> u)
    {
        W.WriteLine($"{T} tj;");
        W.WriteLine($"{T} head;");
        W.WriteLine($"{T} gamma;");
        foreach (var name in u)
        {
            W.WriteLine($"{f.Type(Num)} {name};");
        }

        W.WriteLine($"var square = {Num.Fma("alpha", "alpha", "norm2")};");
        var scope = W.Block($"if (norm2 >= {SafeSquareMin} && square <= {T}.MaxValue)");
        W.WriteLine("// β = −sign(α)·‖(α, x)‖: α − β adds magnitudes, so v = x/(α − β) loses nothing to cancellation.");
        W.WriteLine($"var norm = {T}.Sqrt(square);");
        W.WriteLine($"var beta = -{T}.CopySign(norm, alpha);");
        W.WriteLine("head = alpha - beta;");
        W.WriteLine($"gamma = {Lit(1)} / {Num.Fma($"{T}.Abs(alpha)", "norm", "square")};");
        W.WriteLine("tj = (beta - alpha) / beta;");
        W.WriteLine($"var toV = {f.Broadcast($"{Lit(1)} / head")};");
        return scope;
    }

    /// <summary>Before step j: the remaining column of largest partial norm (the first of equals) is swapped into place j.</summary>
    private void EmitPivotSwap(VectorFlavor f, IReadOnlyList<(int Chunk, int Part)> all, System.Func<int, int, int> offset)
    {
        W.WriteLine("// The pivot: the remaining column of largest norm, the first of equals.");
        W.WriteLine("var pivot = j;");
        using (W.Block("for (var k = j + 1; k < N; k++)"))
        {
            using (W.Block("if (partial[k] > partial[pivot])"))
            {
                W.WriteLine("pivot = k;");
            }
        }

        W.WriteLine();
        using (W.Block("if (pivot != j)"))
        {
            W.WriteLine($"ref var columnJ = ref {Unsafe}.Add(ref w0, j * {Padded});");
            W.WriteLine($"ref var columnP = ref {Unsafe}.Add(ref w0, pivot * {Padded});");
            foreach (var (c, p) in all)
            {
                var at = offset(c, p);
                W.WriteLine($"var swapJ{c}_{p} = {f.Load("columnJ", at)};");
                W.WriteLine(f.Store(f.Load("columnP", at), "columnJ", at));
                W.WriteLine(f.Store($"swapJ{c}_{p}", "columnP", at));
            }

            W.WriteLine($"({Unsafe}.Add(ref permutation, j), {Unsafe}.Add(ref permutation, pivot)) = ({Unsafe}.Add(ref permutation, pivot), {Unsafe}.Add(ref permutation, j));");
            W.WriteLine("partial[pivot] = partial[j];");
            W.WriteLine("exact[pivot] = exact[j];");
        }

        W.WriteLine();
    }

    /// <summary>
    /// After step j: r_jk leaves the remaining norms, ‖below‖² = ‖before‖² − r_jk² (LAPACK Working Note 176); once
    /// (norm / last exact norm)² has fallen to √u, cancellation has cost half the digits and the norm is recomputed.
    /// </summary>
    private void EmitNormDowndate()
    {
        var recomputeBelow = Lit(System.Math.Sqrt(System.Math.Pow(2, Num.Size == 4 ? -24 : -53)));
        W.WriteBlock($$"""

            // Row j is final: take r_jk out of the remaining norms; recompute a norm once cancellation would have eaten half its digits.
            for (var k = j + 1; k < N; k++)
            {
                var norm = partial[k];
                if (norm == {{Lit(0)}})
                {
                    continue;
                }

                var ratio = {{T}}.Abs({{Unsafe}}.Add(ref w0, k * {{Padded}} + j)) / norm;
                var left = {{T}}.Max({{Lit(1)}} - (ratio * ratio), {{Lit(0)}});
                var drift = norm / exact[k];
                if (left * drift * drift <= {{recomputeBelow}})
                {
                    partial[k] = exact[k] = Norm(ref {{Unsafe}}.Add(ref w0, k * {{Padded}}), j + 1);
                }
                else
                {
                    partial[k] = norm * {{T}}.Sqrt(left);
                }
            }
            """);
    }

    /// <summary>Smallest ‖x‖² whose unscaled sum of squares lost nothing to underflow (2⁻¹⁰⁰⁰ or 2⁻¹¹⁰).</summary>
    private string SafeSquareMin => Lit(System.Math.Pow(2, Num.Size == 8 ? -1000 : -110));

    /// <summary>
    /// <c>var result = Σ a·b</c> over the virtual vectors <paramref name="chunks"/>: lane-wise FMAs into one virtual
    /// accumulator, then the fold of halves every flavor shares.
    /// </summary>
    private void EmitDot(VectorFlavor f, int parts, IReadOnlyList<(int Chunk, int Part)> chunks, System.Func<int, int, string> a, System.Func<int, int, string> b, string accumulator, string result)
    {
        var firstChunk = chunks[0].Chunk;
        foreach (var (c, p) in chunks)
        {
            var acc = $"{accumulator}{p}";
            W.WriteLine(c == firstChunk
                ? $"var {acc} = {a(c, p)} * {b(c, p)};"
                : $"{acc} = {f.Fma(Num, a(c, p), b(c, p), acc)};");
        }

        for (var half = parts / 2; half >= 1; half /= 2)
        {
            for (var p = 0; p < half; p++)
            {
                W.WriteLine($"{accumulator}{p} += {accumulator}{p + half};");
            }
        }

        var x = $"{accumulator}0";
        var bits = f.Bits;
        while (bits > 128)
        {
            var folded = $"{accumulator}{bits / 2}";
            W.WriteLine($"var {folded} = {GlobalNames.Vector(bits)}.GetLower({x}) + {GlobalNames.Vector(bits)}.GetUpper({x});");
            x = folded;
            bits /= 2;
        }

        if (f.IsScalar)
        {
            W.WriteLine($"var {result} = {x};");
        }
        else if (Num.Size == 4)
        {
            var v128 = GlobalNames.Vector(128);
            W.WriteLine($"var {accumulator}64 = {x} + {v128}.Shuffle({x}, {v128}.Create(2, 3, 0, 1));");
            W.WriteLine($"var {result} = {v128}.ToScalar({accumulator}64) + {v128}.GetElement({accumulator}64, 1);");
        }
        else
        {
            var v128 = GlobalNames.Vector(128);
            W.WriteLine($"var {result} = {v128}.ToScalar({x}) + {v128}.GetElement({x}, 1);");
        }
    }

    /// <summary>x·0 over the row-major input, in two accumulators of whole registers (the last may overlap).</summary>
    private void EmitFiniteCheck(VectorFlavor f, int lanes)
    {
        var total = M * N;
        var zero = f.Zero(Num);
        W.WriteLine($"var finite0 = {zero};");
        W.WriteLine($"var finite1 = {zero};");
        var pairs = total / (2 * lanes);
        if (pairs == 1)
        {
            W.WriteLine($"finite0 = {f.Fma(Num, f.Load("a", 0), zero, "finite0")};");
            W.WriteLine($"finite1 = {f.Fma(Num, f.Load("a", lanes), zero, "finite1")};");
        }
        else if (pairs > 1)
        {
            using (W.Block($"for (var k = 0; k < {pairs * 2 * lanes}; k += {2 * lanes})"))
            {
                W.WriteLine($"finite0 = {f.Fma(Num, f.LoadAt("a", "k"), zero, "finite0")};");
                W.WriteLine($"finite1 = {f.Fma(Num, f.LoadAt("a", $"k + {lanes}"), zero, "finite1")};");
            }
        }

        var done = pairs * 2 * lanes;
        if (total - done >= lanes)
        {
            W.WriteLine($"finite0 = {f.Fma(Num, f.Load("a", done), zero, "finite0")};");
            done += lanes;
        }

        if (done < total)
        {
            W.WriteLine($"finite1 = {f.Fma(Num, f.Load("a", total - lanes), zero, "finite1")};");
        }

        W.WriteLine();
        W.WriteLine("// x·0 is NaN exactly when x is NaN or ∞.");
        using (W.Block($"if (!({f.AllZero(Num, f.IsScalar ? "(finite0 + finite1)" : "finite0 + finite1")}))"))
        {
            W.WriteLine("return InputNotFinite;");
        }
    }
}
