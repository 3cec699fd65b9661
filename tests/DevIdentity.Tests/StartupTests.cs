using Microsoft.AspNetCore.Hosting;

namespace RobuustOD.DevIdentity.Tests;

public sealed class StartupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void RefusesToStartOutsideDevelopment(string environment)
    {
        using var factory = new DevIdentityFactory()
            .WithWebHostBuilder(builder => builder.UseEnvironment(environment));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("refuses to run outside Development", error.Message, StringComparison.Ordinal);
    }
}
