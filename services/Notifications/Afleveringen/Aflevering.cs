namespace RobuustOD.Notifications.Afleveringen;

/// <summary>One attempt, as logged: when, the HTTP status (null: no answer), how long, the first bytes of the answer or the error.</summary>
public sealed record Poging(DateTimeOffset Op, int? Status, long DuurMs, string? Antwoord, string? Fout);

/// <summary>
/// One event for one subscription, created in the transaction that stored the event. Kept for good: <c>afgeleverd</c>,
/// or <c>mislukt</c> after the last retry (replayable), never deleted. <see cref="Onderwerp"/> is the order key: the
/// deliveries of one subscription and subject go one after the other by <see cref="Volgnummer"/>.
/// </summary>
public sealed class Aflevering
{
    public const string Wachtend = "wachtend";
    public const string Afgeleverd = "afgeleverd";
    public const string Mislukt = "mislukt";

    public const int MaxLog = 50;

    public static string Sleutel(string abonnementId, long volgnummer) =>
        $"{abonnementId}-{volgnummer.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)}";

    public string Id { get; set; } = "";

    public string AbonnementId { get; set; } = "";

    public long Volgnummer { get; set; }

    public string GebeurtenisId { get; set; } = "";

    public string Type { get; set; } = "";

    public string Onderwerp { get; set; } = "";

    public string Status { get; set; } = Wachtend;

    /// <summary>Attempts since the delivery was created or last replayed (the retry schedule counts these).</summary>
    public int AantalPogingen { get; set; }

    public DateTimeOffset VolgendePogingOp { get; set; }

    public DateTimeOffset AangemaaktOp { get; set; }

    /// <summary>The first failed attempt of the current round: the subscription is suspended once it is older than OpschortenNa.</summary>
    public DateTimeOffset? FaaltSinds { get; set; }

    public DateTimeOffset? AfgeleverdOp { get; set; }

    public DateTimeOffset? MisluktOp { get; set; }

    public int Herbezorgingen { get; set; }

    /// <summary>The last <see cref="MaxLog"/> attempts, oldest first.</summary>
    public List<Poging> Pogingen { get; set; } = [];

    public void Log(Poging poging)
    {
        Pogingen.Add(poging);
        if (Pogingen.Count > MaxLog)
        {
            Pogingen.RemoveAt(0);
        }
    }

    /// <summary>Back in the queue from now on, its retry schedule from the start (the log stays).</summary>
    public void Herbezorg(DateTimeOffset nu)
    {
        Status = Wachtend;
        AantalPogingen = 0;
        FaaltSinds = null;
        MisluktOp = null;
        VolgendePogingOp = nu;
        Herbezorgingen++;
    }
}
