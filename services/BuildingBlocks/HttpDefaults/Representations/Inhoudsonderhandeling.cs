using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace RobuustOD.HttpDefaults.Representations;

/// <summary>
/// Proactive content negotiation on <c>Accept</c> (RFC 9110 §12.5.1): the most specific media range that matches an
/// offered type gives its quality; the highest quality wins, ties go to the first offered type (the default, also
/// when there is no Accept). Nothing acceptable is a 406 problem (<see cref="NietAanvaardbaar"/>).
/// </summary>
public static class Inhoudsonderhandeling
{
    /// <summary>The offered media type to answer with, or null when the client accepts none of them.</summary>
    public static string? Kies(HttpRequest request, params string[] aangeboden)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return aangeboden[0];
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var bereiken) || bereiken.Count == 0)
        {
            return null;
        }

        string? keuze = null;
        var beste = 0.0;
        foreach (var type in aangeboden)
        {
            var aanbod = new MediaTypeHeaderValue(type);
            var passend = bereiken
                .Where(b => aanbod.IsSubsetOf(new MediaTypeHeaderValue(b.MediaType)))
                .MaxBy(b => b.MatchesAllTypes ? 0 : b.MatchesAllSubTypes ? 1 : 2);
            var kwaliteit = passend is null ? 0 : passend.Quality ?? 1.0;
            if (kwaliteit > beste)
            {
                (keuze, beste) = (type, kwaliteit);
            }
        }

        return keuze;
    }

    /// <summary>
    /// 406 as a problem. Returned rather than thrown: the problem-details service writes only what the client's Accept
    /// allows (which here is exactly nothing it accepts), while this result falls back to writing the problem itself.
    /// </summary>
    public static IResult NietAanvaardbaar(HttpRequest request, params string[] aangeboden) => TypedResults.Problem(
        statusCode: StatusCodes.Status406NotAcceptable,
        title: "Niet aanvaardbaar",
        detail: $"Geen van de gevraagde mediatypen (Accept) wordt aangeboden; deze resource is beschikbaar als {string.Join(" of ", aangeboden)}.",
        instance: request.Path);
}
