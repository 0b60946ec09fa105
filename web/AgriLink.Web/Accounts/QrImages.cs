using QRCoder;

namespace AgriLink.Web.Accounts;

/// <summary>QR codes as PNG data URIs (the pages' CSP allows <c>data:</c> images): an activation link on a slip, an authenticator key.</summary>
public static class QrImages
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
