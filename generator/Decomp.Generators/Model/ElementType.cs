namespace Decomp.Generators.Model;

/// <summary>The element type of a generated kernel.</summary>
internal enum ElementType
{
    Double,
    Float,
}
