namespace AgriLink.Domain.Matching;

/// <summary>How closely a buyer's region and a listing's county are paired in east-west cooperation.</summary>
public enum PairingLevel
{
    None = 0,
    Province = 1,
    City = 2,
}
