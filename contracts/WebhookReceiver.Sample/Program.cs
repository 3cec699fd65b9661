using System.Text;
using RobuustOD.WebhookReceiver;

// dotnet run --project contracts/WebhookReceiver.Sample -- [--port 5180] [--secret whsec_...]
// Answers the CloudEvents webhook handshake (OPTIONS), verifies each POST with the kit (when a secret is given),
// de-duplicates on webhook-id and prints one line per event.
var builder = WebApplication.CreateSlimBuilder(args);
var port = builder.Configuration.GetValue("port", 5180);
var secret = builder.Configuration["secret"] ?? Environment.GetEnvironmentVariable("WEBHOOK_SECRET");
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
var verifier = string.IsNullOrEmpty(secret) ? null : new WebhookVerifier(secret);
var seen = new WebhookDeduplicator();

app.MapMethods("/", ["OPTIONS"], (HttpContext http) =>
{
    var origin = http.Request.Headers["WebHook-Request-Origin"].ToString();
    http.Response.Headers["WebHook-Allowed-Origin"] = origin;
    http.Response.Headers["WebHook-Allowed-Rate"] = "*";
    Console.WriteLine($"{DateTimeOffset.Now:HH:mm:ss.fff} handshake from {origin}");
    return Results.Ok();
});

app.MapPost("/", async (HttpContext http) =>
{
    using var buffer = new MemoryStream();
    await http.Request.Body.CopyToAsync(buffer);
    var body = buffer.ToArray();
    var h = http.Request.Headers;
    var check = verifier is null
        ? new WebhookCheck(seen.Seen(h["webhook-id"].ToString()) ? WebhookVerdict.Duplicate : WebhookVerdict.Accepted, h["webhook-id"], "no secret given: signature NOT checked")
        : seen.Check(verifier, h["webhook-id"], h["webhook-timestamp"], h["webhook-signature"], body);
    Console.WriteLine($"{DateTimeOffset.Now:HH:mm:ss.fff} {check.Verdict} ({check.Reason}) {Encoding.UTF8.GetString(body)}");
    return Results.StatusCode(check.SuggestedStatus);
});

Console.WriteLine($"Receiver on http://127.0.0.1:{port}/ ({(verifier is null ? "no secret: signatures not checked" : "verifying signatures")})");
app.Run();
