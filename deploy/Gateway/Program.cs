using RobuustOD.Gateway.Dashboard;
using RobuustOD.Gateway.Docs;
using RobuustOD.Gateway.Proxy;
using RobuustOD.Gateway.SignIn;

var builder = WebApplication.CreateBuilder(args);

builder.AddGatewayProxy();
builder.AddSessionSignIn();
builder.AddDashboard();

var app = builder.Build();

app.UseStatusCodePages();
// The province boundaries are GeoJSON, a type the static file server does not know by default.
var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
types.Mappings[".geojson"] = "application/geo+json";
app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = types });
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapGatewayHealth();
app.MapApiDocs();
app.MapSessionSignIn();
app.MapDashboard();
app.MapGatewayProxy();

app.Run();

