using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Decomp.Benchmarks.Reporting;

/// <summary>
/// Joins BenchmarkDotNet's JSON results with the CSV of ../shared/bench/run.sh small and prints the
/// ratios as a Markdown table: medians from one sitting, never lone absolute times. Given several Eigen runs
/// (before and after ours), each Eigen figure is the fastest of them.
/// </summary>
public static partial class RatioTable
{
    public static string Render(string resultsDirectory, IReadOnlyList<string> eigenCsvs)
    {
        var ours = ReadBenchmarkDotNet(resultsDirectory);
        var eigen = new Dictionary<(string Type, int N, string Op), double>();
        foreach (var csv in eigenCsvs)
        {
            foreach (var (key, ns) in ReadEigen(csv))
            {
                eigen[key] = eigen.TryGetValue(key, out var other) ? Math.Min(other, ns) : ns;
            }
        }

        var text = new StringBuilder();
        var cholesky = ours.Where(r => r.Key.Family == "Chol").ToDictionary(r => (r.Key.Type, r.Key.N, r.Key.Method), r => r.Value);
        var lu = ours.Where(r => r.Key.Family == "LU").ToDictionary(r => (r.Key.Type, r.Key.N, r.Key.Method), r => r.Value);
        if (cholesky.Count > 0)
        {
            RenderCholesky(text, cholesky, eigen);
        }

        if (lu.Count > 0)
        {
            if (cholesky.Count > 0)
            {
                text.AppendLine();
            }

            RenderLU(text, lu, eigen);
        }

        var qr = ours.Where(r => r.Key.Family is "QR" or "PQR").ToDictionary(r => (r.Key.Family, r.Key.Type, r.Key.N, r.Key.Method), r => r.Value);
        if (qr.Count > 0)
        {
            if (text.Length > 0)
            {
                text.AppendLine();
            }

            RenderQR(text, qr, eigen);
        }

        return text.ToString();
    }

    private static void RenderQR(StringBuilder text, Dictionary<(string Family, string Type, int N, string Method), Result> ours, Dictionary<(string Type, int N, string Op), double> eigen)
    {
        text.AppendLine("| type | n | QR factor (ns) | Eigen HouseholderQR (ns) | ratio | factor + least-squares solve (ns) | PivotedQR factor (ns) | Math.NET QR (ns) | Math.NET ÷ ours | Math.NET B/op | ours B/op |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var key in ours.Keys.Select(k => (k.Type, k.N)).Distinct().OrderBy(k => k.Type).ThenBy(k => k.N))
        {
            Result? Get(string family, string method) => ours.TryGetValue((family, key.Type, key.N, method), out var r) ? r : null;
            var factor = Get("QR", "Factor");
            var solve = Get("QR", "FactorSolve");
            var pivoted = Get("PQR", "Factor");
            var mathNet = Get("QR", "MathNetFactor");
            double? householder = eigen.TryGetValue((key.Type, key.N, "householderqr"), out var ns) ? ns : null;
            text.AppendLine(string.Join(" | ", new[]
            {
                "", key.Type, Int(key.N),
                Ns(factor?.MedianNs), Ns(householder), Ratio(factor?.MedianNs, householder),
                Ns(solve?.MedianNs), Ns(pivoted?.MedianNs),
                Ns(mathNet?.MedianNs), Ratio(mathNet?.MedianNs, factor?.MedianNs),
                Bytes(mathNet?.AllocatedBytes), Bytes(factor?.AllocatedBytes), "",
            }).Trim());
        }
    }

    private static void RenderLU(StringBuilder text, Dictionary<(string Type, int N, string Method), Result> ours, Dictionary<(string Type, int N, string Op), double> eigen)
    {
        text.AppendLine("| type | n | LU factor (ns) | Eigen PartialPivLU (ns) | ratio | factor + solve (ns) | Math.NET LU (ns) | Math.NET ÷ ours | Math.NET B/op | ours B/op | textbook (ns) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var key in ours.Keys.Select(k => (k.Type, k.N)).Distinct().OrderBy(k => k.Type).ThenBy(k => k.N))
        {
            Result? Get(string method) => ours.TryGetValue((key.Type, key.N, method), out var r) ? r : null;
            var factor = Get("Factor");
            var solve = Get("FactorSolve");
            var mathNet = Get("MathNetFactor");
            var textbook = Get("TextbookFactor");
            double? partialPivLu = eigen.TryGetValue((key.Type, key.N, "partialpivlu"), out var ns) ? ns : null;
            text.AppendLine(string.Join(" | ", new[]
            {
                "", key.Type, Int(key.N),
                Ns(factor?.MedianNs), Ns(partialPivLu), Ratio(factor?.MedianNs, partialPivLu),
                Ns(solve?.MedianNs),
                Ns(mathNet?.MedianNs), Ratio(mathNet?.MedianNs, factor?.MedianNs),
                Bytes(mathNet?.AllocatedBytes), Bytes(factor?.AllocatedBytes),
                Ns(textbook?.MedianNs), "",
            }).Trim());
        }
    }

    private static void RenderCholesky(StringBuilder text, Dictionary<(string Type, int N, string Method), Result> ours, Dictionary<(string Type, int N, string Op), double> eigen)
    {
        text.AppendLine("| type | n | factor (ns) | Eigen LLT (ns) | ratio | factor + solve (ns) | Eigen LLT + solve (ns) | ratio | Math.NET (ns) | Math.NET ÷ ours | Math.NET B/op | ours B/op | textbook (ns) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var key in ours.Keys.Select(k => (k.Type, k.N)).Distinct().OrderBy(k => k.Type).ThenBy(k => k.N))
        {
            Result? Get(string method) => ours.TryGetValue((key.Type, key.N, method), out var r) ? r : null;
            double? Eigen(string op) => eigen.TryGetValue((key.Type, key.N, op), out var ns) ? ns : null;
            var factor = Get("Factor");
            var solve = Get("FactorSolve");
            var mathNet = Get("MathNetFactor");
            var textbook = Get("TextbookFactor");
            var llt = Eigen("llt");
            var lltSolve = Eigen("llt_solve");
            text.AppendLine(string.Join(" | ", new[]
            {
                "", key.Type, Int(key.N),
                Ns(factor?.MedianNs), Ns(llt), Ratio(factor?.MedianNs, llt),
                Ns(solve?.MedianNs), Ns(lltSolve), Ratio(solve?.MedianNs, lltSolve),
                Ns(mathNet?.MedianNs), Ratio(mathNet?.MedianNs, factor?.MedianNs),
                Bytes(mathNet?.AllocatedBytes), Bytes(factor?.AllocatedBytes),
                Ns(textbook?.MedianNs), "",
            }).Trim());
        }
    }

    private sealed record Result(double MedianNs, long? AllocatedBytes);

    private static Dictionary<(string Family, string Type, int N, string Method), Result> ReadBenchmarkDotNet(string directory)
    {
        var results = new Dictionary<(string, string, int, string), Result>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (!document.RootElement.TryGetProperty("Benchmarks", out var benchmarks))
            {
                continue;
            }

            foreach (var benchmark in benchmarks.EnumerateArray())
            {
                // "CholeskyBenchmarks<CholD8, Double>", "QRBenchmarks<QRF4, Single>": the kernel's kind, order and element type.
                var match = KernelName().Match(benchmark.GetProperty("Type").GetString() ?? string.Empty);
                if (!match.Success || !benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var type = match.Groups["type"].Value.ToLowerInvariant() == "single" ? "float" : "double";
                var n = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
                long? allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.TryGetProperty("BytesAllocatedPerOperation", out var bytes)
                    ? bytes.GetInt64()
                    : null;
                results[(match.Groups["family"].Value, type, n, benchmark.GetProperty("Method").GetString()!)] = new Result(statistics.GetProperty("Median").GetDouble(), allocated);
            }
        }

        return results;
    }

    private static Dictionary<(string Type, int N, string Op), double> ReadEigen(string csv)
    {
        // lib,op,type,n,ns_per_op,gflops
        var rows = new Dictionary<(string, int, string), double>();
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length >= 5 && cells[0] == "eigen")
            {
                rows[(cells[2], int.Parse(cells[3], CultureInfo.InvariantCulture), cells[1])] = double.Parse(cells[4], CultureInfo.InvariantCulture);
            }
        }

        return rows;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ns(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : "–";

    private static string Ratio(double? numerator, double? denominator)
        => numerator is { } a && denominator is { } b && b > 0 ? (a / b).ToString("F2", CultureInfo.InvariantCulture) : "–";

    private static string Bytes(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "–";

    [GeneratedRegex(@"<(?<family>Chol|LU|PQR|QR)(?<kind>[DF])(?<n>\d+), (?<type>Double|Single)>")]
    private static partial Regex KernelName();
}
