using System.Net.Http.Headers;
using AgriLink.Web.Tests.Infrastructure;

namespace AgriLink.Web.Tests.Photos;

/// <summary>Sending a file as a browser's form does: multipart/form-data, the file in the field <c>file</c>.</summary>
public static class PhotoUploads
{
    public static Task<HttpResponseMessage> Upload(this HttpClient client, HttpMethod method, string path, byte[] file,
        string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", fileName);
        return client.SendAsync(new HttpRequestMessage(method, path) { Content = form }, Api.Ct);
    }

    public static Task<HttpResponseMessage> UploadListingPhoto(this HttpClient client, string listingId, byte[] file, string fileName = "photo.jpg") =>
        client.Upload(HttpMethod.Post, $"/api/listings/{listingId}/photos", file, fileName);
}
