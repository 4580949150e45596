using System;
using BenchmarkDotNet.Running;
using Decomp.Benchmarks.Reporting;

namespace Decomp.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/Decomp.Benchmarks -- --filter '*'</c> runs
/// BenchmarkDotNet; <c>-- ratios RESULTS_DIR EIGEN_CSV...</c> prints the ratio table of a finished run
/// (see benchmarks/compare-small.sh).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ratios")
        {
            if (args.Length < 3)
            {
                Console.Error.WriteLine("usage: ratios RESULTS_DIR EIGEN_CSV...");
                return 2;
            }

            Console.Write(RatioTable.Render(args[1], args[2..]));
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
