namespace AgriLink.Domain.Quantities;

/// <summary>
/// The units produce is sold in. Values are stored, so never renumber them; numbering starts at 1 so a
/// unit left out of a request (0) is caught as undefined instead of silently meaning grams.
/// </summary>
[GenerateSerializer, Alias("AgriLink.Unit")]
public enum Unit
{
    /// <summary>克</summary>
    Gram = 1,
    /// <summary>斤, 500 g: the everyday market unit.</summary>
    Jin = 2,
    /// <summary>公斤 / 千克</summary>
    Kilogram = 3,
    /// <summary>吨, 1,000 kg</summary>
    Tonne = 4,
    /// <summary>箱</summary>
    Box = 5,
    /// <summary>件</summary>
    Piece = 6,
    /// <summary>袋</summary>
    Bag = 7,
    /// <summary>瓶</summary>
    Bottle = 8,
    /// <summary>盒</summary>
    Carton = 9,
    /// <summary>只: one bird or animal, for poultry and livestock sold live.</summary>
    Head = 10,
}
