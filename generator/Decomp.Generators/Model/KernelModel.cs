namespace Decomp.Generators.Model;

/// <summary>Everything the emitters need to write one <c>[Factorize]</c> struct: plain values only.</summary>
/// <param name="Namespace">The struct's namespace, dotted, names unescaped; <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">Types the struct is nested in, outermost first.</param>
/// <param name="TypeName">The struct's name, unescaped (<c>struct</c> for a struct declared as <c>@struct</c>).</param>
/// <param name="Modifiers">Modifiers written before <c>partial</c> that every part must repeat: <c>ref</c>, or empty.</param>
/// <param name="Keyword">The struct's declaration keyword(s): <c>struct</c> or <c>record struct</c>.</param>
/// <param name="Kind">The factorization kind.</param>
/// <param name="Shape">Rows, columns and element type.</param>
/// <param name="CaseTag">
/// Set when a name on the struct's path differs from a sibling's only in case (<c>Chol</c> beside <c>chol</c>):
/// hint names are compared ignoring case, so the file name then carries a tag made from the exact name.
/// </param>
internal sealed record KernelModel(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string TypeName,
    string Modifiers,
    string Keyword,
    Kind Kind,
    KernelShape Shape,
    string? CaseTag = null)
{
    /// <summary>
    /// The generated file's name: <c>Namespace.Outer.Type.Factorize.g.cs</c>, from unescaped names (a hint name cannot
    /// hold <c>@</c>); <c>Namespace.Outer.Type.{CaseTag}.Factorize.g.cs</c> when the path collides ignoring case.
    /// </summary>
    public string HintName
    {
        get
        {
            var name = TypeName;
            for (var i = ContainingTypes.Count - 1; i >= 0; i--)
            {
                name = ContainingTypes[i].Name + "." + name;
            }

            var path = Namespace is null ? name : Namespace + "." + name;
            return CaseTag is null ? path + ".Factorize.g.cs" : path + "." + CaseTag + ".Factorize.g.cs";
        }
    }
}
