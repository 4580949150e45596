namespace Decomp.Generators.Model;

/// <summary>What parsing one attributed type gives: a model to emit (if valid) and the diagnostics to report.</summary>
internal sealed record ParseResult(KernelModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
