using System.Globalization;
using System.Security.Claims;
using RobuustOD.Gateway.SignIn;

namespace RobuustOD.Gateway.Dashboard;

/// <summary>Who is signed in, as the page header shows it.</summary>
public sealed record Aanmelding(string Naam, string Rol, string? Od)
{
    public static Aanmelding Van(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.Name) ?? "?",
        user.FindFirstValue(SessionSignIn.RoleClaim) ?? "?",
        user.FindFirstValue(SessionSignIn.OdClaim));
}

/// <summary>Dates as the pages show them: Dutch, in Amsterdam time.</summary>
public static class Weergave
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static string Tijdstip(DateTimeOffset op) => TimeZoneInfo.ConvertTime(op, Amsterdam).ToString("d MMMM yyyy HH:mm", Nl);

    public static string Datum(string? iso) =>
        iso is null ? "onbekend"
        : DateOnly.TryParse(iso.Length >= 10 ? iso[..10] : iso, CultureInfo.InvariantCulture, out var d) ? d.ToString("d MMMM yyyy", Nl) : iso;

    public static string Bedrag(decimal? bedrag) => bedrag is { } b ? b.ToString("C2", Nl) : "onbekend";
}
