using RobuustOD.Domain;

namespace RobuustOD.Registry.DecisionTests;

/// <summary>The one OD-code rule: what reaches a stream key, a URL or a header.</summary>
public sealed class OdCodeTests
{
    [Theory]
    [InlineData("ODG", true)]
    [InlineData("ODVeluwe", true)]
    [InlineData("ODG\n", false)] // $ would match before a final newline; a newline in a Location header is a 500
    [InlineData("O", false)]
    [InlineData("1OD", false)]
    [InlineData("OD-G", false)]
    public void Een_code_is_een_letter_dan_letters_of_cijfers(string code, bool geldig) =>
        Assert.Equal(geldig, OdCode.IsGeldig(code));
}
