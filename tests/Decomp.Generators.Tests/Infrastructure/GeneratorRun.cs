using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Decomp.Generators.Tests.Infrastructure;

/// <summary>Everything one generator run produced: sources, diagnostics, exceptions and the compiled result.</summary>
internal sealed class GeneratorRun
{
    private ImmutableArray<Diagnostic>? _compileDiagnostics;

    public GeneratorRun(GeneratorDriver driver, Compilation outputCompilation, ImmutableArray<Diagnostic> driverDiagnostics)
    {
        Driver = driver;
        OutputCompilation = outputCompilation;
        DriverDiagnostics = driverDiagnostics;
        Result = GeneratorHarness.Single(driver.GetRunResult());
    }

    /// <summary>The driver after the run; run it again over an edited compilation to observe caching.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The input compilation plus the generated trees.</summary>
    public Compilation OutputCompilation { get; }

    /// <summary>Diagnostics the driver itself reported (CS8784/CS8785 when a generator fails).</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    /// <summary>The generator's own result: sources, diagnostics, exception and tracked steps.</summary>
    public GeneratorRunResult Result { get; }

    /// <summary>The generated sources, ordered by hint name.</summary>
    public ImmutableArray<GeneratedSourceResult> Sources => Result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>The diagnostics the generator reported (DECOMPxxx).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>The exception that stopped the generator, if any (the driver turns it into CS8785).</summary>
    public Exception? Exception => Result.Exception;

    /// <summary>Compiler diagnostics of <see cref="OutputCompilation"/>, warnings and errors only.</summary>
    public ImmutableArray<Diagnostic> CompileDiagnostics => _compileDiagnostics ??= OutputCompilation
        .GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToImmutableArray();

    /// <summary>Warnings and errors of actually emitting <see cref="OutputCompilation"/> (a superset of <see cref="CompileDiagnostics"/>).</summary>
    public ImmutableArray<Diagnostic> EmitDiagnostics()
    {
        using var peStream = new MemoryStream();
        using var xmlDocStream = new MemoryStream();
        return OutputCompilation.Emit(peStream, xmlDocumentationStream: xmlDocStream).Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();
    }

    /// <summary>The text of the single generated source named <paramref name="hintName"/>.</summary>
    public string SourceText(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();
}
