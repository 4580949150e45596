using System;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Decomp.Generators.Tests.Infrastructure;

/// <summary>Compiles test sources the way a strict consumer would and runs <see cref="FactorizeGenerator"/> over them.</summary>
internal static class GeneratorHarness
{
    /// <summary>Documentation mode Diagnose, so a public generated member without XML docs warns (CS1591).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>Nullable on and every warning wave enabled, as in a consumer that treats warnings as errors.</summary>
    public static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        warningLevel: 9999,
        deterministic: true);

    /// <summary>.NET 10 reference assemblies plus Decomp.Runtime (the attribute, <c>Kind</c>, the throw helpers).</summary>
    public static readonly ImmutableArray<MetadataReference> References = Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(FactorizeAttribute).Assembly.Location))
        .ToImmutableArray();

    /// <summary>Step tracking on, so tests can read <see cref="IncrementalStepRunReason"/>s.</summary>
    public static readonly GeneratorDriverOptions DriverOptions = new(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true);

    /// <summary>A syntax tree for <paramref name="text"/> at <paramref name="path"/> (distinct paths keep diagnostic locations unambiguous).</summary>
    public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    /// <summary>A compilation of <paramref name="sources"/>, the i-th at <c>Source{i}.cs</c>.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CreateCompilation(sources.Select((text, i) => ($"Source{i}.cs", text)).ToArray());

    /// <summary>A compilation of named files.</summary>
    public static CSharpCompilation CreateCompilation(params (string Path, string Text)[] files)
        => CSharpCompilation.Create(
            "Consumer",
            files.Select(f => Parse(f.Text, f.Path)),
            References,
            CompilationOptions);

    /// <summary>A driver holding a fresh <see cref="FactorizeGenerator"/>, with step tracking on.</summary>
    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            new[] { new FactorizeGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: DriverOptions);

    /// <summary>Runs the generator over <paramref name="sources"/>.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(CreateCompilation(sources));

    /// <summary>Runs a fresh generator over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(CSharpCompilation compilation) => Run(CreateDriver(), compilation);

    /// <summary>Runs <paramref name="driver"/> (possibly one that already ran, to observe caching) over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorRun(driver, output, driverDiagnostics);
    }

    /// <summary>The generator's result in <paramref name="run"/> (there is exactly one generator).</summary>
    public static GeneratorRunResult Single(GeneratorDriverRunResult run)
        => run.Results.Length == 1
            ? run.Results[0]
            : throw new InvalidOperationException($"Expected one generator result, got {run.Results.Length}.");
}
