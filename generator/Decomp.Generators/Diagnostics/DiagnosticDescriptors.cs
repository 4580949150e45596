using Microsoft.CodeAnalysis;

namespace Decomp.Generators.Diagnostics;

// Every diagnostic the generator reports. Ids are never reused: retire an id rather than repurpose it.
// Adding or changing a descriptor? Update AnalyzerReleases.Unshipped.md (RS2000–RS2008 enforce it).
internal static class DiagnosticDescriptors
{
    private const string Category = "Decomp.Usage";

    public static readonly DiagnosticDescriptor TypeMustBePartial = new(
        "DECOMP001",
        "[Factorize] type must be partial",
        "The struct '{0}' must be declared 'partial' so the generator can add the factorization members",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor TypeMustBeStruct = new(
        "DECOMP002",
        "[Factorize] applies to structs only",
        "'{0}' is {1}; [Factorize] kernels are generated into a 'partial struct'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ShapeMissing = new(
        "DECOMP003",
        "[Factorize] shape is missing",
        "[Factorize] on '{0}' needs a shape: set Size for a square matrix, or both Rows and Columns",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SizeOutOfRange = new(
        "DECOMP004",
        "[Factorize] size is out of range",
        "{0} = {1} on '{2}' is outside the supported range 1…32; for larger or run-time sizes use Decomp.Runtime's Matrix<T>",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedElementType = new(
        "DECOMP005",
        "[Factorize] element type is not supported",
        "Element = {0} on '{1}' is not supported; use typeof(double) or typeof(float)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RowsLessThanColumns = new(
        "DECOMP006",
        "[Factorize] needs Rows >= Columns",
        "'{0}' has Rows = {1} < Columns = {2}; factor the transpose (Rows = {2}, Columns = {1}) instead",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor KindRequiresSquareShape = new(
        "DECOMP007",
        "[Factorize] kind needs a square shape",
        "Kind.{0} factorizes square matrices only, but '{1}' is {2}×{3}; use Size = n",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericTypeNotSupported = new(
        "DECOMP008",
        "[Factorize] type cannot be generic",
        "'{0}' is generic or nested in a generic type; [Factorize] kernels have one fixed shape and element type",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ContainingTypeMustBePartial = new(
        "DECOMP009",
        "Type containing a [Factorize] struct must be partial",
        "'{0}' is nested in '{1}', which must be declared 'partial' too",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReadOnlyStructNotSupported = new(
        "DECOMP010",
        "[Factorize] struct cannot be readonly",
        "'{0}' is a readonly struct, but the generated Update and Downdate modify the factor in place; remove 'readonly'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor KindNotYetSupported = new(
        "DECOMP011",
        "[Factorize] kind is not available yet",
        "Kind.{0} on '{1}' is not implemented by this version of Decomp.Generators; use Kind.Cholesky, Kind.LU, Kind.Ldlt, Kind.QR or Kind.PivotedQR, or Decomp.Runtime for dynamic sizes",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConflictingShape = new(
        "DECOMP012",
        "[Factorize] shape is given twice",
        "'{0}' sets Size = {1} together with Rows = {2}, Columns = {3}; set either Size or Rows and Columns",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownKind = new(
        "DECOMP013",
        "[Factorize] kind is not a defined Kind value",
        "(Kind){0} on '{1}' is not a defined Decomp.Kind value",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FileLocalTypeNotSupported = new(
        "DECOMP014",
        "[Factorize] struct cannot be file-local",
        "'{1}' is file-local, so the generated part of '{0}', which lives in a file of its own, cannot extend it; remove 'file'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InstanceFieldNotSupported = new(
        "DECOMP015",
        "[Factorize] struct cannot declare instance fields",
        "'{0}' declares {1}; the generated kernel owns the struct's storage and creates factors without running user code, so keep that state in another type or make it static",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReservedMemberName = new(
        "DECOMP016",
        "[Factorize] member name is reserved by the generated kernel",
        "'{0}' uses the name '{1}' for {2}, but the generated kernel declares a member of that name; rename it",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InternalError = new(
        "DECOMP900",
        "Decomp.Generators failed internally",
        "Decomp.Generators hit an internal error ({0}: {1}); please report it with the attribute that caused it",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
