using RobuustOD.Registry.Features;
using RobuustOD.Registry.Omgevingsdiensten;
using static RobuustOD.Registry.DecisionTests.Gegeven;

namespace RobuustOD.Registry.DecisionTests;

public sealed class TrekSevesoInTests
{
    private static readonly DateOnly Aangewezen = new(2020, 1, 1);

    private static TrekSevesoIn.Opdracht Opdracht(DateOnly einddatum) => new("ODA", einddatum, null, Ienw);

    [Fact]
    public void een_lopende_aanwijzing_intrekken() =>
        Verwacht(TrekSevesoIn.Beslis(Od("ODA", new SevesoAangewezen(["Utrecht"], Aangewezen)), Opdracht(new DateOnly(2025, 7, 1))),
            new SevesoIngetrokken(new DateOnly(2025, 7, 1)));

    [Fact]
    public void intrekken_op_de_ingangsdatum_zelf_mag() =>
        Verwacht(TrekSevesoIn.Beslis(Od("ODA", new SevesoAangewezen(["Utrecht"], Aangewezen)), Opdracht(Aangewezen)),
            new SevesoIngetrokken(Aangewezen));

    [Fact]
    public void een_aanwijzing_van_voor_de_registratie_kan_op_elke_datum_eindigen() =>
        Verwacht(TrekSevesoIn.Beslis(Od("ODA", new SevesoAangewezen(["Utrecht"], null)), Opdracht(new DateOnly(2001, 1, 1))),
            new SevesoIngetrokken(new DateOnly(2001, 1, 1)));

    [Fact]
    public void zonder_aanwijzing_geeft_409() =>
        Geweigerd(() => TrekSevesoIn.Beslis(Od("ODA"), Opdracht(new DateOnly(2025, 7, 1))), 409);

    [Fact]
    public void een_al_ingetrokken_aanwijzing_nogmaals_intrekken_geeft_409() =>
        Geweigerd(() => TrekSevesoIn.Beslis(
            Od("ODA", new SevesoAangewezen(["Utrecht"], Aangewezen), new SevesoIngetrokken(new DateOnly(2024, 1, 1))),
            Opdracht(new DateOnly(2025, 7, 1))), 409);

    [Fact]
    public void een_einddatum_voor_de_ingangsdatum_geeft_400_op_einddatum() =>
        Geweigerd(() => TrekSevesoIn.Beslis(Od("ODA", new SevesoAangewezen(["Utrecht"], Aangewezen)),
            Opdracht(Aangewezen.AddDays(-1))), 400, "einddatum");
}
