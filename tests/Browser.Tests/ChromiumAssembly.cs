namespace Decisioning.Browser.Tests;

/// <summary>Launches Chromium once before the first test and closes it after the last.</summary>
[TestClass]
public static class ChromiumAssembly
{
    [AssemblyInitialize]
    public static Task LaunchAsync(TestContext context) => Chromium.LaunchAsync();

    [AssemblyCleanup]
    public static Task CloseAsync() => Chromium.CloseAsync();
}
