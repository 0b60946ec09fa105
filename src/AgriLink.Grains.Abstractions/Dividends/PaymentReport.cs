namespace AgriLink.Grains.Dividends;

[GenerateSerializer, Immutable, Alias("AgriLink.PaymentReport")]
public sealed record PaymentReport(
    [property: Id(0)] int TransfersPosted,
    [property: Id(1)] int TransfersAlreadyPosted,
    [property: Id(2)] long TotalPaidFen,
    [property: Id(3)] bool AlreadyPaid);
