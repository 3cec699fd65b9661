using System.Text.Json;
using RobuustOD.Domain;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.DecisionTests;

/// <summary>Given-when-then helpers: an OD built from its events as Marten builds it, and exact event assertions.</summary>
internal static class Gegeven
{
    public static readonly DateOnly Opgericht = new(2015, 1, 1);

    public static readonly Handeling Ienw = new("ienw", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public static OmgevingsdienstGeregistreerd Geregistreerd(string code, DateOnly? opgerichtOp = null, params string[] provincies) =>
        new(code, $"Omgevingsdienst {code}", provincies.Length > 0 ? provincies : ["Utrecht"], 7, opgerichtOp ?? Opgericht, []);

    /// <summary>The OD as its stream tells it: <c>Create</c> on the first event, <c>Apply</c> on the rest, one version each.</summary>
    public static Omgevingsdienst Od(OmgevingsdienstGeregistreerd geregistreerd, params object[] events)
    {
        var od = Omgevingsdienst.Create(geregistreerd);
        od.Version = 1;
        foreach (var e in events)
        {
            switch (e)
            {
                case OmgevingsdienstGewijzigd x: od.Apply(x); break;
                case SevesoAangewezen x: od.Apply(x); break;
                case SevesoIngetrokken x: od.Apply(x); break;
                case FusieAangekondigd x: od.Apply(x); break;
                case FusieVoltooid x: od.Apply(x); break;
                case FusieGeannuleerd x: od.Apply(x); break;
                case Opgesplitst x: od.Apply(x); break;
                case ZelftoetsVastgelegd x: od.Apply(x); break;
                default: throw new ArgumentException($"No Apply for {e.GetType().Name}", nameof(events));
            }

            od.Version++;
        }

        return od;
    }

    public static Omgevingsdienst Od(string code, params object[] events) => Od(Geregistreerd(code), events);

    /// <summary>Exactly these events, in this order. Records compare lists by reference, so compare types and JSON.</summary>
    public static void Verwacht(IEnumerable<object> beslist, params object[] verwacht) =>
        Assert.Equal(verwacht.Select(Tekst), beslist.Select(Tekst));

    /// <summary>The decision refuses with this status, on this field (null: on no field in particular).</summary>
    public static DomainRuleException Geweigerd(Func<IEnumerable<object>> beslis, int status, string? veld = null)
    {
        var fout = Assert.Throws<DomainRuleException>(() => beslis().ToList());
        Assert.Equal(status, fout.Status);
        if (veld is null)
        {
            Assert.Null(fout.Errors);
        }
        else
        {
            Assert.Equal([veld], fout.Errors!.Keys);
        }

        return fout;
    }

    private static string Tekst(object e) => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType())}";
}
