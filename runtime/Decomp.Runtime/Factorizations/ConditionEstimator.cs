using System.Numerics;

namespace Decomp.Factorizations;

/// <summary>Applies A⁻¹ or A⁻ᵀ to a vector in place (a factorization's solves).</summary>
internal unsafe interface IInverseOperator<T> where T : unmanaged
{
    /// <summary>x ← A⁻¹x.</summary>
    void Solve(T* x);

    /// <summary>x ← A⁻ᵀx.</summary>
    void SolveTranspose(T* x);
}

/// <summary>
/// Hager–Higham estimate of ‖A⁻¹‖₁ (LAPACK's dlacn2, as used by dgecon and dpocon): a few solves
/// with A and Aᵀ; the result is a lower bound that is almost always within a factor 3 of the truth.
/// </summary>
internal static unsafe class ConditionEstimator
{
    private const int MaxIterations = 5;

    /// <summary>Estimates ‖A⁻¹‖₁ for an n × n A; x, v and signs are n-element scratch.</summary>
    public static T InverseOneNorm<T, TOperator>(ref TOperator op, int n, T* x, T* v, T* signs)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOperator : struct, IInverseOperator<T>
    {
        if (n == 0)
        {
            return T.Zero;
        }

        T count = T.CreateTruncating(n);
        for (int i = 0; i < n; i++)
        {
            x[i] = T.One / count;
        }

        op.Solve(x);
        if (n == 1)
        {
            return T.Abs(x[0]);
        }

        T estimate = SumAbs(x, n);
        for (int i = 0; i < n; i++)
        {
            signs[i] = x[i] >= T.Zero ? T.One : -T.One;
            x[i] = signs[i];
        }

        op.SolveTranspose(x);
        int j = ArgMaxAbs(x, n);
        for (int iteration = 2; ; iteration++)
        {
            // x = A⁻¹·e_j: column j of the inverse, a candidate for the largest column sum.
            for (int i = 0; i < n; i++)
            {
                x[i] = T.Zero;
            }

            x[j] = T.One;
            op.Solve(x);
            for (int i = 0; i < n; i++)
            {
                v[i] = x[i];
            }

            T previous = estimate;
            estimate = T.Max(estimate, SumAbs(v, n));
            bool signsRepeat = true;
            for (int i = 0; i < n; i++)
            {
                T s = x[i] >= T.Zero ? T.One : -T.One;
                signsRepeat &= s == signs[i];
            }

            // Converged (repeated sign vector) or cycling (no growth).
            if (signsRepeat || estimate <= previous)
            {
                break;
            }

            for (int i = 0; i < n; i++)
            {
                signs[i] = x[i] >= T.Zero ? T.One : -T.One;
                x[i] = signs[i];
            }

            op.SolveTranspose(x);
            int last = j;
            j = ArgMaxAbs(x, n);
            if (T.Abs(x[last]) == T.Abs(x[j]) || iteration >= MaxIterations)
            {
                break;
            }
        }

        // Higham's extra test vector with alternating signs guards against the rare badly wrong estimate.
        T alternating = T.One;
        for (int i = 0; i < n; i++)
        {
            x[i] = alternating * (T.One + T.CreateTruncating(i) / T.CreateTruncating(n - 1));
            alternating = -alternating;
        }

        op.Solve(x);
        T extra = T.CreateTruncating(2) * SumAbs(x, n) / (T.CreateTruncating(3) * count);
        return T.Max(estimate, extra);
    }

    private static T SumAbs<T>(T* x, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T s = T.Zero;
        for (int i = 0; i < n; i++)
        {
            s += T.Abs(x[i]);
        }

        return s;
    }

    private static int ArgMaxAbs<T>(T* x, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int best = 0;
        T max = T.Abs(x[0]);
        for (int i = 1; i < n; i++)
        {
            T v = T.Abs(x[i]);
            if (v > max)
            {
                max = v;
                best = i;
            }
        }

        return best;
    }
}
