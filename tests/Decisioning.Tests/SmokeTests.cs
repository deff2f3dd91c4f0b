namespace Decisioning.Tests;

[TestClass]
public sealed class SmokeTests
{
    [TestMethod]
    public void CompletedYears_OnThirdBirthday_IsThree() =>
        Assert.AreEqual(3, Decisioning.Pipeline.AgeCalculator.CompletedYears(new DateOnly(2020, 3, 2), new DateOnly(2023, 3, 2)));
}
