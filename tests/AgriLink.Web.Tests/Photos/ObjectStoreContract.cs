using System.Text;
using AgriLink.Web.Photos;
using Xunit;

namespace AgriLink.Web.Tests.Photos;

/// <summary>What every object store does, run against each (<see cref="FileSystemObjectStoreTests"/>, <see cref="S3ObjectStoreTests"/>).</summary>
public abstract class ObjectStoreContract
{
    protected abstract IObjectStore Store { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A key no other test (or earlier run against the same server) uses.</summary>
    private static string NewKey(string file = "800.webp") => $"photos/{Guid.NewGuid():N}/{file}";

    private static async Task<byte[]> Read(StoredObject stored)
    {
        await using (stored)
        {
            using var copy = new MemoryStream();
            await stored.Content.CopyToAsync(copy, Ct);
            return copy.ToArray();
        }
    }

    [Fact]
    public async Task WhatIsPutIsReadBackWithItsContentType()
    {
        var key = NewKey();
        var content = Encoding.UTF8.GetBytes("RIFF….WEBP 刺梨");

        await Store.PutAsync(key, content, PhotoFormats.WebP, Ct);
        var stored = await Store.GetAsync(key, Ct);

        Assert.NotNull(stored);
        Assert.Equal(PhotoFormats.WebP, stored.ContentType);
        Assert.Equal(content.Length, stored.Length);
        Assert.Equal(content, await Read(stored));
    }

    [Fact]
    public async Task AMissingObjectIsNull() => Assert.Null(await Store.GetAsync(NewKey("320.jpg"), Ct));

    [Fact]
    public async Task APutOfTheSameKeyReplacesTheObject()
    {
        var key = NewKey("320.jpg");
        await Store.PutAsync(key, new byte[] { 1, 2, 3 }, PhotoFormats.Jpeg, Ct);

        await Store.PutAsync(key, new byte[] { 4, 5 }, PhotoFormats.Jpeg, Ct);

        Assert.Equal(new byte[] { 4, 5 }, await Read((await Store.GetAsync(key, Ct))!));
    }

    [Fact]
    public async Task ADeletedObjectIsGoneAndDeletingAgainIsNoError()
    {
        var key = NewKey();
        var neighbour = key.Replace("800.webp", "800.jpg", StringComparison.Ordinal);
        await Store.PutAsync(key, new byte[] { 1 }, PhotoFormats.WebP, Ct);
        await Store.PutAsync(neighbour, new byte[] { 2 }, PhotoFormats.Jpeg, Ct);

        await Store.DeleteAsync(key, Ct);
        await Store.DeleteAsync(key, Ct);

        Assert.Null(await Store.GetAsync(key, Ct));
        Assert.Equal(new byte[] { 2 }, await Read((await Store.GetAsync(neighbour, Ct))!));
    }

    [Fact]
    public async Task ALargeObjectComesBackWhole()
    {
        var key = NewKey("1600.jpg");
        var content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(content);

        await Store.PutAsync(key, content, PhotoFormats.Jpeg, Ct);

        Assert.Equal(content, await Read((await Store.GetAsync(key, Ct))!));
    }

    [Theory]
    [InlineData("../outside.jpg")]
    [InlineData("photos/../../etc/passwd")]
    [InlineData("/photos/a.jpg")]
    [InlineData("photos//a.jpg")]
    [InlineData("Photos/A.JPG")]
    [InlineData("photos/a b.jpg")]
    public async Task MalformedKeysAreRefused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, new byte[] { 1 }, PhotoFormats.Jpeg, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(key, Ct));
    }
}
