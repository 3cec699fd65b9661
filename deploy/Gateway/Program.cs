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
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapGatewayHealth();
app.MapApiDocs();
app.MapSessionSignIn();
app.MapDashboard();
app.MapGatewayProxy();

app.Run();

