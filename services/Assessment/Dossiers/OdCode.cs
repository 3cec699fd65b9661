using System.Text.RegularExpressions;

namespace RobuustOD.Assessment.Dossiers;

/// <summary>An OD code as the register issues them; checked before it reaches a query or a stream key.</summary>
public static partial class OdCode
{
    public const string Pattern = "^[A-Za-z][A-Za-z0-9]{1,19}$";

    [GeneratedRegex(Pattern)]
    private static partial Regex Regex();

    public static bool IsGeldig(string? code) => code is not null && Regex().IsMatch(code);
}
