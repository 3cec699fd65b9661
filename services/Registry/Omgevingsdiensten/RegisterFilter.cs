using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RobuustOD.Contracts.Register.Api;

namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>
/// The register list's filters over the ODs' latest snapshots in memory (<see cref="RobuustOD.EventStore.LatestSnapshots{T}"/>,
/// already in code order, byte by byte): the aggregate's own as-of rules (<see cref="Omgevingsdienst.StatusOp"/>,
/// <see cref="Omgevingsdienst.SevesoProvinciesOp"/>), no SQL twin of them to keep in step. A page costs its ODs plus one
/// pass of a few comparisons per OD for the total (once per register version and filter), not a query over every snapshot.
/// </summary>
public sealed class RegisterFilter
{
    private readonly DateOnly _peildatum;
    private readonly OmgevingsdienstStatus? _status;
    private readonly bool? _seveso;
    private readonly string? _provincie;
    private readonly string? _zoek;

    private RegisterFilter(DateOnly peildatum, OmgevingsdienstStatus? status, bool? seveso, string? provincie, string? zoek)
    {
        _peildatum = peildatum;
        _status = status;
        _seveso = seveso;
        _provincie = provincie;
        _zoek = string.IsNullOrWhiteSpace(zoek) ? null : zoek.Trim();
    }

    /// <param name="status">Null: every status.</param>
    public static RegisterFilter Van(DateOnly peildatum, OmgevingsdienstStatus? status, bool? seveso, string? provincie, string? zoek) =>
        new(peildatum, status, seveso, provincie, zoek);

    /// <summary>Page <paramref name="nummer"/> of <paramref name="grootte"/> of the ODs that pass, and how many pass in all.</summary>
    /// <param name="register">Every OD, in code order (ordinal); a list that is never changed once handed out (the
    /// cache hands out a new one whenever an OD changed), so what passes a filter in it can be remembered with it.</param>
    public (IReadOnlyList<Omgevingsdienst> Pagina, int Totaal) Pagina(IReadOnlyList<Omgevingsdienst> register, int nummer, int grootte)
    {
        var passend = Passend(register);
        var eerste = (long)(nummer - 1) * grootte;
        IReadOnlyList<Omgevingsdienst> pagina = eerste >= passend.Length
            ? []
            : new ArraySegment<Omgevingsdienst>(passend, (int)eerste, (int)Math.Min(grootte, passend.Length - eerste)).ToArray();
        return (pagina, passend.Length);
    }

    /// <summary>
    /// What passes, remembered per register list and filter: the next page of the same query, or the same query
    /// again, costs only its page, however large the register (a pass over 10,000 ODs was most of a page's time).
    /// A changed OD gives a new list, and with it a new memory; the old one goes with its list.
    /// </summary>
    private Omgevingsdienst[] Passend(IReadOnlyList<Omgevingsdienst> register)
    {
        var perFilter = Onthouden.GetValue(register, _ => new ConcurrentDictionary<Sleutel, Omgevingsdienst[]>());
        var sleutel = new Sleutel(_peildatum, _status, _seveso, _provincie, _zoek);
        if (perFilter.TryGetValue(sleutel, out var onthouden))
        {
            return onthouden;
        }

        var passend = register.Where(Past).ToArray();
        if (perFilter.Count < MaxOnthouden)
        {
            perFilter.TryAdd(sleutel, passend);
        }

        return passend;
    }

    /// <summary>Filters remembered per register list; a few dozen queries in use at once is plenty.</summary>
    private const int MaxOnthouden = 64;

    private static readonly ConditionalWeakTable<IReadOnlyList<Omgevingsdienst>, ConcurrentDictionary<Sleutel, Omgevingsdienst[]>> Onthouden = new();

    private readonly record struct Sleutel(DateOnly Peildatum, OmgevingsdienstStatus? Status, bool? Seveso, string? Provincie, string? Zoek);

    private bool Past(Omgevingsdienst od)
    {
        if (_status is { } status && od.StatusOp(_peildatum) != status)
        {
            return false;
        }

        if (_seveso is { } seveso && od.SevesoProvinciesOp(_peildatum).Count > 0 != seveso)
        {
            return false;
        }

        if (_provincie is { } provincie && !od.Provincies.Contains(provincie, StringComparer.Ordinal)
            && !od.SevesoProvinciesOp(_peildatum).Contains(provincie, StringComparer.Ordinal))
        {
            return false;
        }

        return _zoek is not { } zoek
            || od.Id.Contains(zoek, StringComparison.OrdinalIgnoreCase) || od.Naam.Contains(zoek, StringComparison.OrdinalIgnoreCase);
    }
}
