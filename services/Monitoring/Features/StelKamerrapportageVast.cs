using FluentValidation;
using Marten;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Kamerrapportages;

namespace RobuustOD.Monitoring.Features;

/// <summary>
/// IenW freezes the report of a period as it is sent to parliament: the draft as it stands now becomes the next
/// version, stored with its HTML, Markdown and CSV exactly as sent. A period that has not begun has nothing to report.
/// </summary>
public static class StelKamerrapportageVast
{
    public sealed record Verzoek(string? Toelichting);

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator() => RuleFor(v => v.Toelichting).PlainText(2000);
    }

    public sealed record Opdracht(Kamerperiode Kamerperiode, string? Toelichting, Handeling Handeling, ExpectedVersion? Verwacht);

    /// <param name="inhoud">The draft as it stands at the moment of freezing.</param>
    public static IEnumerable<object> Beslis(KamerrapportagePeriode? bestaand, KamerrapportageInhoud inhoud, Opdracht o)
    {
        if (Kalender.Datum(o.Handeling.Op) < o.Kamerperiode.Van)
        {
            throw DomainRuleException.Conflict($"De periode {o.Kamerperiode.Id} is nog niet begonnen; er valt nog niets vast te stellen.");
        }

        var versie = (bestaand?.Laatste?.Versie ?? 0) + 1;
        var markdown = KamerrapportageOpmaak.Markdown(inhoud, $"vastgesteld, versie {versie}");
        var html = KamerrapportageOpmaak.Html(markdown, KamerrapportageOpmaak.Titel(inhoud));
        // Stored as text without the BOM; the read adds it again, so the bytes served are the bytes of this moment.
        var csv = System.Text.Encoding.UTF8.GetString(KamerrapportageOpmaak.Csv(inhoud).AsSpan(System.Text.Encoding.UTF8.Preamble.Length));
        return [new KamerrapportageVastgesteld(o.Kamerperiode.Id, versie, inhoud, markdown, html, csv, o.Toelichting, o.Handeling.Door, o.Handeling.Op)];
    }

    public static async Task<VastgesteldeKamerrapportage> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var peildatum = o.Kamerperiode.Peildatum(Kalender.Datum(o.Handeling.Op));
        var inhoud = Kamerrapportage.Stel(o.Kamerperiode, peildatum, await KamerrapportageBronnenLader.LaadAsync(session, peildatum, ct));
        await session.DecideAsync<KamerrapportagePeriode>(o.Kamerperiode.StreamKey, o.Verwacht, o.Handeling, p => Beslis(p, inhoud, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<KamerrapportagePeriode>(o.Kamerperiode.StreamKey, ct))!.Laatste!;
    }

    public static async Task<IResult> Endpoint(string periode, Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var p = Kamerperiode.Lees(periode);
        var vastgesteld = await Handle(new Opdracht(p, verzoek.Toelichting, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(vastgesteld.Versie);
        return TypedResults.Created($"{ctx.Api.BasePath}/kamerrapportages/{p.Id}/versies/{vastgesteld.Versie}",
            KamerrapportageResource.Van(vastgesteld, p, ctx.Api));
    }
}
