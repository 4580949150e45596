using System;
using System.Globalization;
using Decomp;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// 1. The seed's worked example: a 4×4 symmetric positive-definite system solved by Cholesky.
Console.WriteLine("== Cholesky solve of the seed's 4x4 system ==");
double[] a =
[
    6, 3, 4, 8,
    3, 6, 5, 1,
    4, 5, 10, 7,
    8, 1, 7, 25,
];
double[] b = [1, 2, 3, 4];

var chol = Cholesky4.Factor(a);
Span<double> x = stackalloc double[4];
chol.Solve(b, x);

Span<double> l = stackalloc double[16];
chol.CopyLowerTo(l);
Console.WriteLine("L =");
Print(l, 4);
Console.WriteLine($"x = [{Join(x)}]");

Span<double> residual = stackalloc double[4];
for (var i = 0; i < 4; i++)
{
    residual[i] = b[i];
    for (var j = 0; j < 4; j++)
    {
        residual[i] -= a[i * 4 + j] * x[j];
    }
}

Console.WriteLine($"b - Ax = [{Join(residual, "E2")}]");
Console.WriteLine($"det A = {chol.Determinant():G6}, log det A = {chol.LogDeterminant():G6}");

// A matrix that is not positive definite is reported, not silently factored.
double[] indefinite = [1, 2, 0, 0, 2, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
Console.WriteLine($"TryFactor(indefinite) = {Cholesky4.TryFactor(indefinite, out _)}");
try
{
    Cholesky4.Factor(indefinite);
}
catch (FactorizationException e)
{
    Console.WriteLine($"Factor(indefinite) threw: {e.Message}");
}

// 2. A Kalman-style measurement update in information form, float, 6 states
//    (3-D position and velocity): Λ' = Λ + Σ h hᵀ / r, one rank-1 Update per scalar measurement.
Console.WriteLine();
Console.WriteLine("== Kalman measurement update, 6x6 float Cholesky ==");
const int n = 6;
var prior = new float[n * n];
for (var i = 0; i < n; i++)
{
    prior[i * n + i] = i < 3 ? 4f : 1f;     // position variance 4 m², velocity 1 (m/s)²
}

for (var i = 0; i < 3; i++)
{
    prior[i * n + i + 3] = prior[(i + 3) * n + i] = 0.5f;   // position–velocity correlation
}

var information = new float[n * n];
Cholesky6f.Factor(prior).Inverse(information);          // Λ = P⁻¹
var factor = Cholesky6f.Factor(information);

const float measurementVariance = 0.25f;                // r: a GPS-like position fix, σ = 0.5 m
Span<float> h = stackalloc float[n];
for (var axis = 0; axis < 3; axis++)
{
    h.Clear();
    h[axis] = 1f / MathF.Sqrt(measurementVariance);     // h / √r
    factor.Update(h);                                   // O(n²) instead of refactoring
}

var posterior = new float[n * n];
factor.Inverse(posterior);                              // P' = Λ'⁻¹
Console.WriteLine("posterior covariance P' =");
Print(posterior, n);

// The textbook covariance form for one axis: P'_xx = P_xx − P_xx² / (P_xx + r).
var expected = 4f - (4f * 4f / (4f + measurementVariance));
Console.WriteLine($"P'[0,0] = {posterior[0]:G6} (covariance form: {expected:G6})");
Console.WriteLine($"log det P' = {-factor.LogDeterminant():G6}");

// 3. The seed's case for pivoting: A = [[1e-16, 1], [1, 2]], b = [1, 3], whose solution is x ≈ (1, 1).
//    Elimination without a row exchange divides by 1e-16 and loses x₀; LU with partial pivoting does not.
Console.WriteLine();
Console.WriteLine("== LU with partial pivoting: the seed's tiny pivot ==");
double[] tiny = [1e-16, 1, 1, 2];
double[] rhs = [1, 3];
var multiplier = tiny[2] / tiny[0];
var naiveX1 = (rhs[1] - (multiplier * rhs[0])) / (tiny[3] - (multiplier * tiny[1]));
var naiveX0 = (rhs[0] - (tiny[1] * naiveX1)) / tiny[0];
Console.WriteLine($"without pivoting: x = [{naiveX0:F8}, {naiveX1:F8}]");
var lu = Lu2.Factor(tiny);
Span<double> solution = stackalloc double[2];
lu.Solve(rhs, solution);
Console.WriteLine($"LU (rows {lu.Pivots[0]} and 0 exchanged): x = [{Join(solution)}], rcond ≈ {lu.ReciprocalCondition():G3}");

// The seed's "nice" matrix: PA = LU to rounding.
double[] nice = [3, 1, 2, 6, 4, 5, 9, 8, 10];
var lu3 = Lu3.Factor(nice);
Span<double> lower = stackalloc double[9];
Span<double> upper = stackalloc double[9];
lu3.CopyLowerTo(lower);
lu3.CopyUpperTo(upper);
Console.WriteLine("L ="); Print(lower, 3);
Console.WriteLine("U ="); Print(upper, 3);
Console.WriteLine($"pivots = [{lu3.Pivots[0]}, {lu3.Pivots[1]}, {lu3.Pivots[2]}], det A = {lu3.Determinant():G6}");

// 4. A symmetric indefinite (saddle-point) system, as an equality-constrained least-squares or physics-constraint
//    step produces: [[H, Jᵀ], [J, 0]] has zeros on its diagonal, so Cholesky cannot factor it; LDLᵀ with
//    Bunch–Kaufman pivoting can, and its inertia (2 positive, 1 negative) confirms the constrained problem is well posed.
Console.WriteLine();
Console.WriteLine("== LDLᵀ (Bunch–Kaufman) on a saddle-point system ==");
double[] kkt =
[
    2, 0, 1,
    0, 2, 1,
    1, 1, 0,
];
double[] kktRhs = [2, 4, 1];   // minimize x₀² + x₁² − 2x₀ − 4x₁ subject to x₀ + x₁ = 1
var ldlt = Ldlt3.Factor(kkt);
Span<double> kktSolution = stackalloc double[3];
ldlt.Solve(kktRhs, kktSolution);
Console.WriteLine($"[x0, x1, λ] = [{Join(kktSolution)}] (exact: [0, 1, 2])");
Console.WriteLine($"inertia = {ldlt.Inertia()}");

// 5. The seed's rank-revealing QR (§5): a 20×8 matrix U·S·Vᵀ of rank 4 (singular values 100, 10, 1, 0.1, then zeros),
//    U and V random orthogonal — here the Q factors of random matrices, from the generated QR kernels. Column pivoting
//    brings the largest remaining column forward at each step, so |r_kk| falls where the singular values end.
Console.WriteLine();
Console.WriteLine("== Rank-revealing QR (column pivoting) of the seed's 20x8 rank-4 matrix ==");
var random = new Random(42);
double[] RandomMatrix(int size)
{
    var values = new double[size * size];
    for (var k = 0; k < values.Length; k++)
    {
        values[k] = (random.NextDouble() * 2) - 1;
    }

    return values;
}

var u = new double[20 * 20];
Qr20.Factor(RandomMatrix(20)).CopyQTo(u);
var v = new double[8 * 8];
Qr8.Factor(RandomMatrix(8)).CopyQTo(v);
double[] singularValues = [100, 10, 1, 0.1, 0, 0, 0, 0];
var rank4 = new double[20 * 8];
for (var k = 0; k < 8; k++)
{
    for (var i = 0; i < 20; i++)
    {
        for (var j = 0; j < 8; j++)
        {
            rank4[i * 8 + j] += u[i * 20 + k] * singularValues[k] * v[j * 8 + k];
        }
    }
}

var rrqr = RankRevealing20x8.Factor(rank4);
Span<double> r = stackalloc double[64];
rrqr.CopyRTo(r);
for (var k = 0; k < 8; k++)
{
    var rkk = Math.Abs(r[k * 8 + k]);
    Console.WriteLine($"  |R[{k},{k}]| = {rkk,-10:G4} ratio = {rkk / Math.Abs(r[0]):E2}");
}

Console.WriteLine($"column permutation = [{string.Join(", ", rrqr.ColumnPermutation.ToArray())}]");
Console.WriteLine($"Rank() = {rrqr.Rank()} (relative tolerance max(m, n)·ε), Rank(1e-3) = {rrqr.Rank(1e-3)}");

// The basic least-squares solution: zero in the columns pivoted past the rank, and still optimal (Aᵀr ≈ 0).
Span<double> rhs20 = stackalloc double[20];
for (var i = 0; i < 20; i++)
{
    rhs20[i] = (random.NextDouble() * 2) - 1;
}

Span<double> basic = stackalloc double[8];
rrqr.Solve(rhs20, basic);
Span<double> normalResidual = stackalloc double[8];
for (var i = 0; i < 20; i++)
{
    var ri = rhs20[i];
    for (var j = 0; j < 8; j++)
    {
        ri -= rank4[i * 8 + j] * basic[j];
    }

    for (var j = 0; j < 8; j++)
    {
        normalResidual[j] += rank4[i * 8 + j] * ri;
    }
}

Console.WriteLine($"basic solution x = [{Join(basic, "G4")}]");
Console.WriteLine($"Aᵀ(b − Ax) = [{Join(normalResidual, "E1")}]");

static string Join<T>(ReadOnlySpan<T> values, string format = "F8")
    where T : IFormattable
{
    var parts = new string[values.Length];
    for (var i = 0; i < values.Length; i++)
    {
        parts[i] = values[i].ToString(format, CultureInfo.InvariantCulture);
    }

    return string.Join(", ", parts);
}

static void Print<T>(ReadOnlySpan<T> m, int size)
    where T : IFormattable
{
    for (var i = 0; i < size; i++)
    {
        Console.WriteLine("  [" + Join(m.Slice(i * size, size)) + "]");
    }
}

/// <summary>Cholesky of a fixed 4×4 double matrix, generated at compile time.</summary>
[Factorize(Kind.Cholesky, Size = 4)]
internal partial struct Cholesky4;

/// <summary>LU with partial pivoting of a fixed 2×2 double matrix.</summary>
[Factorize(Kind.LU, Size = 2)]
internal partial struct Lu2;

/// <summary>LU with partial pivoting of a fixed 3×3 double matrix.</summary>
[Factorize(Kind.LU, Size = 3)]
internal partial struct Lu3;

/// <summary>Symmetric-indefinite LDLᵀ of a fixed 3×3 double matrix.</summary>
[Factorize(Kind.Ldlt, Size = 3)]
internal partial struct Ldlt3;

/// <summary>Householder QR of a fixed 20×20 double matrix (the demo's random orthogonal factors).</summary>
[Factorize(Kind.QR, Size = 20)]
internal partial struct Qr20;

/// <summary>Householder QR of a fixed 8×8 double matrix.</summary>
[Factorize(Kind.QR, Size = 8)]
internal partial struct Qr8;

/// <summary>Rank-revealing QR with column pivoting of a fixed 20×8 double matrix.</summary>
[Factorize(Kind.PivotedQR, Rows = 20, Columns = 8)]
internal partial struct RankRevealing20x8;

/// <summary>Cholesky of a fixed 6×6 float matrix, generated at compile time.</summary>
[Factorize(Kind.Cholesky, Size = 6, Element = typeof(float))]
internal partial struct Cholesky6f;
