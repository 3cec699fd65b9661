using System.Text;
using Marten;
using Marten.Linq;
using Marten.Linq.MatchesSql;
using RobuustOD.Contracts.Register.Api;

namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>
/// The register list's filters as one SQL condition on the OD snapshots, so that PostgreSQL filters, counts and
/// pages and a page costs what its ODs cost, not what the register holds. Each condition is the SQL twin of the
/// aggregate's own as-of rule (<see cref="Omgevingsdienst.StatusOp"/>, <see cref="Omgevingsdienst.SevesoProvinciesOp"/>),
/// over the snapshot's JSON (camelCase, dates as yyyy-MM-dd); the order is the code's, byte by byte (ordinal), as before.
/// </summary>
public sealed class RegisterFilter
{
    private const string Opgericht = "(data->>'opgerichtOp')::date";
    private const string Opgeheven = "(data->>'opgehevenOp')::date";

    // The provinces of the last designation in force on the peildatum, as SevesoProvinciesOp takes them (null: none).
    private const string SevesoOp =
        "(select a->'provincies' from jsonb_array_elements(coalesce(data->'sevesoAanwijzingen', '[]'::jsonb)) with ordinality as x(a, n)"
        + " where coalesce((a->>'van')::date <= ?::date, true) and coalesce(?::date < (a->>'tot')::date, true) order by n desc limit 1)";

    private readonly StringBuilder _sql = new("true");
    private readonly List<object> _args = [];
    private string? _zoekInGeheugen;

    private RegisterFilter()
    {
    }

    /// <param name="status">Null: every status.</param>
    public static RegisterFilter Van(DateOnly peildatum, OmgevingsdienstStatus? status, bool? seveso, string? provincie, string? zoek)
    {
        var filter = new RegisterFilter();
        var actief = $"(coalesce({Opgericht} <= ?::date, true) and coalesce({Opgeheven} > ?::date, true))";
        switch (status)
        {
            case OmgevingsdienstStatus.Actief:
                filter.En(actief, peildatum, peildatum);
                break;
            case OmgevingsdienstStatus.Toekomstig:
                filter.En($"coalesce({Opgericht} > ?::date, false)", peildatum);
                break;
            case OmgevingsdienstStatus.Opgeheven:
                filter.En($"coalesce({Opgericht} <= ?::date, true) and coalesce({Opgeheven} <= ?::date, false)", peildatum, peildatum);
                break;
        }

        if (seveso is { } isSeveso)
        {
            filter.En($"{(isSeveso ? "" : "not ")}({actief} and coalesce(jsonb_array_length({SevesoOp}), 0) > 0)",
                peildatum, peildatum, peildatum, peildatum);
        }

        if (provincie is not null)
        {
            filter.En($"(data->'provincies' @> jsonb_build_array(?::text) or ({actief} and coalesce({SevesoOp} @> jsonb_build_array(?::text), false)))",
                provincie, peildatum, peildatum, peildatum, peildatum, provincie);
        }

        if (!string.IsNullOrWhiteSpace(zoek))
        {
            var gezocht = zoek.Trim();
            // PostgreSQL's upper() under the server's collation is the ordinal comparison only for ASCII; anything
            // else is compared here, after the other filters, exactly as string.Contains(OrdinalIgnoreCase) does.
            if (Ascii.IsValid(gezocht))
            {
                filter.En("(strpos(upper(id), upper(?)) > 0 or strpos(upper(data->>'naam'), upper(?)) > 0)", gezocht, gezocht);
            }
            else
            {
                filter._zoekInGeheugen = gezocht;
            }
        }

        return filter;
    }

    /// <summary>Page <paramref name="nummer"/> of <paramref name="grootte"/> ODs in code order, and how many match in all.</summary>
    public async Task<(IReadOnlyList<Omgevingsdienst> Pagina, int Totaal)> PaginaAsync(IQuerySession session, int nummer, int grootte,
        CancellationToken ct)
    {
        var sql = _sql.ToString();
        var args = _args.ToArray();
        var query = session.Query<Omgevingsdienst>().Where(od => od.MatchesSql(sql, args)).OrderBySql("id collate \"C\"");
        if (_zoekInGeheugen is { } zoek)
        {
            var gevonden = (await query.ToListAsync(ct))
                .Where(od => od.Id.Contains(zoek, StringComparison.OrdinalIgnoreCase) || od.Naam.Contains(zoek, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return ([.. gevonden.Skip((nummer - 1) * grootte).Take(grootte)], gevonden.Count);
        }

        var pagina = await query.Stats(out var stats).Skip((nummer - 1) * grootte).Take(grootte).ToListAsync(ct);
        // Past the last page there is no row to carry the total: count on its own then.
        var totaal = pagina.Count > 0 ? (int)stats.TotalResults : await session.Query<Omgevingsdienst>().Where(od => od.MatchesSql(sql, args)).CountAsync(ct);
        return (pagina, totaal);
    }

    private void En(string conditie, params object[] args)
    {
        _sql.Append(" and ").Append(conditie);
        _args.AddRange(args);
    }
}
