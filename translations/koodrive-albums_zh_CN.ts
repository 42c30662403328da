<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiError</name>
    <message>
        <source>KooDrive did not answer in time.</source>
        <translation>KooDrive 没有及时响应。</translation>
    </message>
    <message>
        <source>KooDrive cannot be reached: %1</source>
        <translation>无法连接 KooDrive：%1</translation>
    </message>
    <message>
        <source>Your KooDrive session has ended. Sign in again.</source>
        <translation>你的 KooDrive 会话已结束，请重新登录。</translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>代码 %1</translation>
    </message>
    <message>
        <source>field %1</source>
        <translation>字段 %1</translation>
    </message>
    <message>
        <source>trace id %1</source>
        <translation>跟踪 ID %1</translation>
    </message>
    <message>
        <source>the server said: %1</source>
        <translation>服务器返回：%1</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not what KooDrive documents (%1).</source>
        <translation>服务器的应答与 KooDrive 文档不符（%1）。</translation>
    </message>
    <message>
        <source>KooDrive is not available right now (HTTP %1). Try again in a moment.</source>
        <translation>KooDrive 暂时不可用（HTTP %1），请稍后再试。</translation>
    </message>
    <message>
        <source>KooDrive is busy. Try again in a moment.</source>
        <translation>KooDrive 正忙，请稍后再试。</translation>
    </message>
    <message>
        <source>KooDrive refused the request.</source>
        <translation>KooDrive 拒绝了此请求。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not JSON.</source>
        <translation>服务器的应答不是 JSON。</translation>
    </message>
    <message>
        <source>KooDrive&apos;s answer was still arriving after %1 s; the app stopped waiting.</source>
        <translation>KooDrive 的应答在 %1 秒后仍未传完，应用已停止等待。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than any KooDrive answer (over %1 MiB); the app stopped reading it.</source>
        <translation>服务器的应答超过了任何 KooDrive 应答的大小（超过 %1 MiB），应用已停止读取。</translation>
    </message>
    <message>
        <source>The server sent the app on to another address (%1). It did not follow, so that your session stays with KooDrive.</source>
        <translation>服务器要求应用转到另一个地址（%1）。为了让你的会话只留在 KooDrive，应用没有跟随。</translation>
    </message>
    <message>
        <source>The server keeps sending the app from one address to another (a redirect loop).</source>
        <translation>服务器不断把应用从一个地址转到另一个地址（重定向循环）。</translation>
    </message>
    <message>
        <source>The server sent the app on to an address that is not safe (%1).</source>
        <translation>服务器要求应用转到一个不安全的地址（%1）。</translation>
    </message>
    <message>
        <source>The connection to KooDrive is not secure (its certificate was refused).</source>
        <translation>与 KooDrive 的连接不安全（其证书被拒绝）。</translation>
    </message>
    <message>
        <source>The server sent %1 items where %2 were asked for.</source>
        <translation>服务器发送了 %1 项，而请求的是 %2 项。</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be unpacked: it is broken, or far larger than it claims.</source>
        <translation>服务器的应答无法解压：它已损坏，或者远比声称的要大。</translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation>请求 ID %1</translation>
    </message>
</context>
<context>
    <name>FileHasher</name>
    <message>
        <source>SHA-256 is not available.</source>
        <translation>SHA-256 不可用。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>FileLocator</name>
    <message>
        <source>The file&apos;s folder could not be found.</source>
        <translation>找不到该文件所在的文件夹。</translation>
    </message>
</context>
<context>
    <name>KooDriveClient</name>
    <message>
        <source>%1 must be from %2 to %3.</source>
        <translation>%1 必须在 %2 到 %3 之间。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 为必填项。</translation>
    </message>
    <message>
        <source>%1 must be %2 to %3 characters long.</source>
        <translation>%1 的长度必须为 %2 到 %3 个字符。</translation>
    </message>
    <message>
        <source>%1 takes %2 to %3 entries.</source>
        <translation>%1 需要 %2 到 %3 项。</translation>
    </message>
    <message>
        <source>A name cannot be &quot;.&quot; or &quot;..&quot;.</source>
        <translation>名称不能是“.”或“..”。</translation>
    </message>
    <message>
        <source>A name cannot contain any of &lt; &gt; | : &quot; * ? / (it has %1).</source>
        <translation>名称不能包含 &lt; &gt; | : &quot; * ? / 中的任何字符（其中有 %1）。</translation>
    </message>
    <message>
        <source>A name cannot contain control characters.</source>
        <translation>名称不能包含控制字符。</translation>
    </message>
    <message>
        <source>fileType must be one of 15, 20, 26, 27, 28, 30, 35, 40 and 45.</source>
        <translation>fileType 必须是 15、20、26、27、28、30、35、40 或 45 之一。</translation>
    </message>
    <message>
        <source>sha256 must be 64 hexadecimal digits.</source>
        <translation>sha256 必须是 64 位十六进制数字。</translation>
    </message>
    <message>
        <source>Part %1 is asked for twice.</source>
        <translation>第 %1 部分被请求了两次。</translation>
    </message>
    <message>
        <source>A job&apos;s id is a number.</source>
        <translation>任务 ID 是一个数字。</translation>
    </message>
    <message>
        <source>A file is in the job twice.</source>
        <translation>同一个文件在任务中出现了两次。</translation>
    </message>
    <message>
        <source>fileType is not a KooDrive file type.</source>
        <translation>fileType 不是 KooDrive 的文件类型。</translation>
    </message>
    <message>
        <source>A file is asked for twice.</source>
        <translation>同一个文件被请求了两次。</translation>
    </message>
    <message>
        <source>Search finds nothing in the recycle bin to sort by.</source>
        <translation>搜索不会找到回收站中的文件，无法按此排序。</translation>
    </message>
</context>
<context>
    <name>ServerConnection</name>
    <message>
        <source>Demo library at %1</source>
        <translation>演示图库（%1）</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1，用户 %2</translation>
    </message>
</context>
<context>
    <name>koodrive::KeychainTokenStore</name>
    <message>
        <source>This system has no keychain</source>
        <translation>此系统没有密钥环</translation>
    </message>
    <message>
        <source>The keychain refused to store it: %1</source>
        <translation>密钥环拒绝保存：%1</translation>
    </message>
</context>
<context>
    <name>koodrive::api::KooDriveClient</name>
    <message>
        <source>No KooDrive server is set.</source>
        <translation>尚未设置 KooDrive 服务器。</translation>
    </message>
    <message>
        <source>Refusing to send your KooDrive session over an unencrypted connection to %1.</source>
        <translation>拒绝通过未加密的连接向 %1 发送你的 KooDrive 会话。</translation>
    </message>
    <message>
        <source>Choose images, videos or both.</source>
        <translation>请选择图片、视频或两者。</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>没有需要更改的内容。</translation>
    </message>
    <message>
        <source>There is no refresh token: sign in again.</source>
        <translation>没有刷新令牌，请重新登录。</translation>
    </message>
    <message>
        <source>The account or the password is wrong.</source>
        <translation>账号或密码错误。</translation>
    </message>
    <message>
        <source>The uploaded bytes do not match the file (SHA-256). The file may have changed while it was sent; nothing was kept. Upload it again.</source>
        <translation>上传的数据与文件不符（SHA-256）。文件可能在发送期间被修改；服务器没有保留任何内容。请重新上传。</translation>
    </message>
</context>
<context>
    <name>koodrive::catalog::Catalog</name>
    <message>
        <source>%1, and it could not be moved aside</source>
        <translation>%1，且无法将其移到一旁</translation>
    </message>
    <message>
        <source>The saved copy of your library could not be read (%1); a new one was begun.</source>
        <translation>无法读取已保存的图库副本（%1）；已新建一份。</translation>
    </message>
    <message>
        <source>No copy of your library can be saved in %1: %2</source>
        <translation>无法在 %1 中保存图库副本：%2</translation>
    </message>
    <message>
        <source>it was written by a newer version of the app</source>
        <translation>它由更新版本的应用写入</translation>
    </message>
    <message numerus="yes">
        <source>%n album change(s) waiting to be sent were read back from it.</source>
        <translation>
            <numerusform>已从中读回 %n 项等待发送的相册更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>a check found it damaged</source>
        <translation>检查发现它已损坏</translation>
    </message>
</context>
<context>
    <name>koodrive::edits::DriveEdits</name>
    <message>
        <source>KooDrive refused it (code %1).</source>
        <translation>KooDrive 拒绝了它（代码 %1）。</translation>
    </message>
    <message>
        <source>The window was closed.</source>
        <translation>窗口已关闭。</translation>
    </message>
    <message>
        <source>KooDrive did not say.</source>
        <translation>KooDrive 没有说明。</translation>
    </message>
    <message>
        <source>The job was cancelled.</source>
        <translation>任务已取消。</translation>
    </message>
    <message>
        <source>Some files could not be deleted.</source>
        <translation>有些文件无法删除。</translation>
    </message>
</context>
<context>
    <name>koodrive::jobs::JobWatcher</name>
    <message>
        <source>The job was still running after %1 s; it may still finish.</source>
        <translation>任务在 %1 秒后仍在运行；它可能稍后完成。</translation>
    </message>
</context>
<context>
    <name>koodrive::media::PlaybackLink</name>
    <message>
        <source>This video cannot be downloaded.</source>
        <translation>无法下载这个视频。</translation>
    </message>
    <message>
        <source>The video&apos;s address is not one the app plays from (only https, or http on this computer).</source>
        <translation>应用不会从这个视频地址播放（只播放 https 地址，或本机的 http 地址）。</translation>
    </message>
</context>
<context>
    <name>koodrive::models::AlbumListModel</name>
    <message>
        <source>%1 — album; drop photos here to add them</source>
        <translation>%1 — 相册；将照片拖放到这里即可添加</translation>
    </message>
    <message numerus="yes">
        <source>%1 — collection of %n folder(s)</source>
        <translation>
            <numerusform>%1 — 汇集 %n 个文件夹的合集</numerusform>
        </translation>
    </message>
    <message>
        <source>The album could not be written down here.</source>
        <translation>无法在本机记下这个相册。</translation>
    </message>
    <message>
        <source>The new name could not be written down here.</source>
        <translation>无法在本机记下新名称。</translation>
    </message>
    <message>
        <source>The deletion could not be written down here.</source>
        <translation>无法在本机记下这次删除。</translation>
    </message>
    <message>
        <source>The photos to add could not be written down here.</source>
        <translation>无法在本机记下要添加的照片。</translation>
    </message>
    <message>
        <source>The album is not on KooDrive yet: change its folders once it is.</source>
        <translation>该相册尚未到达 KooDrive：到达后再更改它的文件夹。</translation>
    </message>
</context>
<context>
    <name>koodrive::models::AlbumOutbox</name>
    <message>
        <source>The album was deleted elsewhere.</source>
        <translation>该相册已在别处被删除。</translation>
    </message>
    <message>
        <source>The album could not be created.</source>
        <translation>无法创建该相册。</translation>
    </message>
</context>
<context>
    <name>koodrive::models::FolderTreeModel</name>
    <message>
        <source>My drive</source>
        <translation>我的云盘</translation>
    </message>
    <message>
        <source>%1 (shared)</source>
        <translation>%1（共享）</translation>
    </message>
</context>
<context>
    <name>koodrive::models::PagedFileModel</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Taken: %1</source>
        <translation>拍摄时间：%1</translation>
    </message>
    <message>
        <source>Modified: %1</source>
        <translation>修改时间：%1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>创建时间：%1</translation>
    </message>
    <message>
        <source>Length: %1</source>
        <translation>时长：%1</translation>
    </message>
</context>
<context>
    <name>koodrive::models::SearchModel</name>
    <message>
        <source>%1
In %2</source>
        <translation>%1
位于 %2</translation>
    </message>
</context>
<context>
    <name>koodrive::net::PartSender</name>
    <message>
        <source>The file is shorter than when the upload began.</source>
        <translation>文件比开始上传时更短了。</translation>
    </message>
    <message>
        <source>This build of the app has no TLS.</source>
        <translation>此版本的应用不支持 TLS。</translation>
    </message>
    <message>
        <source>The storage closed the connection in the middle of its answer.</source>
        <translation>存储在应答过程中关闭了连接。</translation>
    </message>
    <message>
        <source>The storage closed the connection before it answered.</source>
        <translation>存储在应答之前关闭了连接。</translation>
    </message>
</context>
<context>
    <name>koodrive::thumbnails::OriginalLoader</name>
    <message>
        <source>This photo cannot be downloaded.</source>
        <translation>无法下载这张照片。</translation>
    </message>
    <message>
        <source>The photo could not be downloaded: %1</source>
        <translation>照片下载失败：%1</translation>
    </message>
    <message>
        <source>This file is not a picture the app can show.</source>
        <translation>此文件不是本应用能显示的图片。</translation>
    </message>
    <message>
        <source>This photo is larger than the app opens (over %1 MiB).</source>
        <translation>这张照片超出了应用可打开的大小（超过 %1 MiB）。</translation>
    </message>
    <message>
        <source>The photo was still arriving after %1 s; the app stopped waiting.</source>
        <translation>照片在 %1 秒后仍未传完，应用已停止等待。</translation>
    </message>
    <message>
        <source>The photo&apos;s address sent the app somewhere it does not follow.</source>
        <translation>照片的地址把应用转向了一个它不会跟随的位置。</translation>
    </message>
</context>
<context>
    <name>koodrive::transfers::DownloadRunner</name>
    <message>
        <source>The server gave no link to fetch it.</source>
        <translation>服务器没有给出获取它的链接。</translation>
    </message>
    <message>
        <source>No free name for it is left in that folder.</source>
        <translation>该文件夹中已没有可用的名称。</translation>
    </message>
    <message>
        <source>The server refused the file&apos;s download link (HTTP 403).</source>
        <translation>服务器拒绝了文件的下载链接（HTTP 403）。</translation>
    </message>
</context>
<context>
    <name>koodrive::transfers::FileDownload</name>
    <message>
        <source>Its name would put it outside the folder it is saved to.</source>
        <translation>它的名称会使它被保存到所选文件夹之外。</translation>
    </message>
    <message>
        <source>The folder %1 is not there any more.</source>
        <translation>文件夹 %1 已不存在。</translation>
    </message>
    <message>
        <source>It cannot be written in %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The server sent another part of the file than the one asked for.</source>
        <translation>服务器发送的不是所请求的文件部分。</translation>
    </message>
    <message>
        <source>The server says it is %1 MiB, more than it was listed with.</source>
        <translation>服务器称其大小为 %1 MiB，超过了列表中的大小。</translation>
    </message>
    <message>
        <source>The server sent more than the file&apos;s size (over %1 MiB); the app stopped reading.</source>
        <translation>服务器发送的数据超过了文件大小（超过 %1 MiB）；应用已停止读取。</translation>
    </message>
    <message>
        <source>The transfer stopped after %1 of its bytes: %2</source>
        <translation>传输在 %1 之后中断：%2</translation>
    </message>
    <message>
        <source>The file&apos;s address sent the app somewhere it does not follow.</source>
        <translation>文件地址将应用引向了它不会跟随的地方。</translation>
    </message>
    <message>
        <source>The file changed on the server while it was saved; it starts again.</source>
        <translation>保存期间服务器上的文件已更改；将重新开始。</translation>
    </message>
    <message>
        <source>The file is not in the drive any more.</source>
        <translation>该文件已不在云盘中。</translation>
    </message>
    <message>
        <source>The server could not send it now (HTTP %1).</source>
        <translation>服务器暂时无法发送（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server refused to send it (HTTP %1).</source>
        <translation>服务器拒绝发送（HTTP %1）。</translation>
    </message>
    <message>
        <source>It arrived cut short (%1 of %2 bytes).</source>
        <translation>接收不完整（%1 / %2 字节）。</translation>
    </message>
    <message>
        <source>It arrived but could not be given its name in %1.</source>
        <translation>已接收，但无法在 %1 中为其命名。</translation>
    </message>
</context>
<context>
    <name>koodrive::transfers::FileUpload</name>
    <message>
        <source>%1 is not a file that can be read.</source>
        <translation>%1 不是可读取的文件。</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The server did not give a place to send part %1 of %2.</source>
        <translation>服务器没有给出第 %1 部分（共 %2 部分）的上传地址。</translation>
    </message>
    <message>
        <source>The server asked for part %1 to go to an address that is not safe (%2).</source>
        <translation>服务器要求将第 %1 部分发送到一个不安全的地址（%2）。</translation>
    </message>
    <message>
        <source>The server gave no new place to send part %1.</source>
        <translation>服务器没有给出第 %1 部分的新上传地址。</translation>
    </message>
    <message>
        <source>Part %1 of %2 did not reach the storage in time.</source>
        <translation>第 %1 部分（共 %2 部分）没有及时送达存储。</translation>
    </message>
    <message>
        <source>The storage could not be reached while part %1 was sent: %2</source>
        <translation>发送第 %1 部分时无法连接存储：%2</translation>
    </message>
    <message>
        <source>The storage sent part %1 on to another address (%2); it was not sent there.</source>
        <translation>存储要求将第 %1 部分转到另一个地址（%2）；应用没有发送到那里。</translation>
    </message>
    <message>
        <source>The storage&apos;s answer to part %1 is not one a storage gives.</source>
        <translation>存储对第 %1 部分的应答不是存储应有的应答。</translation>
    </message>
    <message>
        <source>The storage kept refusing part %1 (HTTP 403), with fresh addresses too.</source>
        <translation>即使使用新的地址，存储仍然拒绝第 %1 部分（HTTP 403）。</translation>
    </message>
    <message>
        <source>The storage refused part %1 of %2 (HTTP %3).</source>
        <translation>存储拒绝了第 %1 部分（共 %2 部分）（HTTP %3）。</translation>
    </message>
    <message>
        <source>The upload was stopped.</source>
        <translation>上传已停止。</translation>
    </message>
    <message>
        <source>%1 changed after its upload began; it has to be uploaded again.</source>
        <translation>%1 在开始上传后被修改；需要重新上传。</translation>
    </message>
    <message>
        <source>%1 could not be read while it was sent: %2</source>
        <translation>发送 %1 时无法读取：%2</translation>
    </message>
</context>
<context>
    <name>koodrive::transfers::SavePlanner</name>
    <message>
        <source>Saved photos</source>
        <translation>已保存的照片</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The list of transfers cannot be written.</source>
        <translation>无法写入传输列表。</translation>
    </message>
</context>
<context>
    <name>koodrive::transfers::UploadListModel</name>
    <message>
        <source>Waiting to go on</source>
        <translation>等待继续</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>正在上传</translation>
    </message>
    <message>
        <source>Adding to the album</source>
        <translation>正在添加到相册</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message numerus="yes">
        <source>about %Ln second(s) left</source>
        <translation>
            <numerusform>大约还剩 %Ln 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln minute(s) left</source>
        <translation>
            <numerusform>大约还剩 %Ln 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>大约还剩 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>trace id %1</source>
        <translation>跟踪 ID %1</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>koodrive::transfers::UploadPlanner</name>
    <message>
        <source>“%1” is taken in the drive by something that is not a folder.</source>
        <translation>云盘中的“%1”已被一个不是文件夹的项目占用。</translation>
    </message>
    <message>
        <source>The upload queue could not be written.</source>
        <translation>无法写入上传队列。</translation>
    </message>
</context>
<context>
    <name>koodrive::transfers::UploadQueue</name>
    <message>
        <source>%1, and it could not be moved aside</source>
        <translation>%1，且无法将其移到一旁</translation>
    </message>
    <message>
        <source>The list of uploads could not be read (%1). It was kept as %2 and a new list begun.</source>
        <translation>无法读取上传列表（%1）。原文件已保留为 %2，并已新建列表。</translation>
    </message>
    <message>
        <source>The list of uploads cannot be kept in %1: %2</source>
        <translation>无法在 %1 中保存上传列表：%2</translation>
    </message>
    <message>
        <source>it was written by a newer version of the app</source>
        <translation>它由更新版本的应用写入</translation>
    </message>
</context>
<context>
    <name>koodrive::transfers::UploadRunner</name>
    <message>
        <source>In the drive, but not added to the album: %1</source>
        <translation>已在云盘中，但未添加到相册：%1</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::AlbumDelegate</name>
    <message>
        <source>Album</source>
        <translation>相册</translation>
    </message>
    <message numerus="yes">
        <source>Collection of %n folder(s)</source>
        <translation>
            <numerusform>汇集 %n 个文件夹的合集</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln item(s)</source>
        <translation>
            <numerusform>%1 · %Ln 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln change(s) waiting</source>
        <translation>
            <numerusform>%1 · %Ln 项更改待发送</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koodrive::ui::AlbumDialog</name>
    <message>
        <source>&amp;Album: photos you choose</source>
        <translation>相册(&amp;A)：由你挑选照片</translation>
    </message>
    <message>
        <source>&amp;Collection: everything in chosen folders</source>
        <translation>合集(&amp;C)：汇集所选文件夹中的全部内容</translation>
    </message>
    <message>
        <source>&amp;Photos</source>
        <translation>照片(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Videos</source>
        <translation>视频(&amp;V)</translation>
    </message>
    <message>
        <source>New album</source>
        <translation>新建相册</translation>
    </message>
    <message>
        <source>1 to %1 characters</source>
        <translation>1 到 %1 个字符</translation>
    </message>
    <message>
        <source>Album name</source>
        <translation>相册名称</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>仅自己可见</translation>
    </message>
    <message>
        <source>Shared in “%1”</source>
        <translation>共享到“%1”</translation>
    </message>
    <message>
        <source>Who sees it</source>
        <translation>谁可以看到</translation>
    </message>
    <message>
        <source>Parent folder</source>
        <translation>上级文件夹</translation>
    </message>
    <message>
        <source>Folders to gather</source>
        <translation>要汇集的文件夹</translation>
    </message>
    <message>
        <source>&amp;From the folder:</source>
        <translation>所在文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Gather its folders (up to %1):</source>
        <translation>汇集其中的文件夹（最多 %1 个）(&amp;G)：</translation>
    </message>
    <message>
        <source>Gather:</source>
        <translation>汇集：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Who sees it:</source>
        <translation>谁可以看到(&amp;W)：</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <source>Give the album a name.</source>
        <translation>请为相册取个名字。</translation>
    </message>
    <message>
        <source>A name has at most %1 characters; this one has %2.</source>
        <translation>名称最多 %1 个字符，当前有 %2 个。</translation>
    </message>
    <message>
        <source>Choose the folder whose folders the collection gathers.</source>
        <translation>请选择一个文件夹，合集将汇集其中的子文件夹。</translation>
    </message>
    <message>
        <source>Tick at least one folder to gather.</source>
        <translation>请至少勾选一个要汇集的文件夹。</translation>
    </message>
    <message>
        <source>A collection gathers at most %1 folders; %2 are ticked.</source>
        <translation>一个合集最多汇集 %1 个文件夹，当前勾选了 %2 个。</translation>
    </message>
    <message>
        <source>Gather photos, videos, or both.</source>
        <translation>请选择汇集照片、视频或两者。</translation>
    </message>
    <message>
        <source>The folders of a shared collection must be in that shared space.</source>
        <translation>共享合集的文件夹必须位于该共享空间中。</translation>
    </message>
    <message>
        <source>The folders of a personal collection must be in your drive.</source>
        <translation>个人合集的文件夹必须位于你的云盘中。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::FolderChooserDialog</name>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Folders of your drive</source>
        <translation>您云盘中的文件夹</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>请选择一个文件夹。</translation>
    </message>
    <message>
        <source>Into the top of your drive.</source>
        <translation>存入云盘顶层。</translation>
    </message>
    <message>
        <source>Into “%1”.</source>
        <translation>存入“%1”。</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::InfoPanel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Close the info (I)</source>
        <translation>关闭信息 (I)</translation>
    </message>
    <message>
        <source>Close the info</source>
        <translation>关闭信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>相册</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>%1 × %2 (%3 MP)</source>
        <translation>%1 × %2（%3 百万像素）</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>♥ Yes (S to unstar)</source>
        <translation>♥ 是（按 S 取消收藏）</translation>
    </message>
    <message>
        <source>No (S to star)</source>
        <translation>否（按 S 收藏）</translation>
    </message>
    <message>
        <source>Show in folder: %1</source>
        <translation>在文件夹中显示：%1</translation>
    </message>
    <message>
        <source>Finding…</source>
        <translation>正在查找…</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::MainWindow</name>
    <message>
        <source>KooDrive Albums</source>
        <translation>KooDrive 相册</translation>
    </message>
    <message>
        <source>My albums</source>
        <translation>我的相册</translation>
    </message>
    <message>
        <source>Shared albums</source>
        <translation>共享相册</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Files deleted from the drive, kept for a while</source>
        <translation>从云盘删除的文件，会保留一段时间</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Adding to the album</source>
        <translation>正在添加到相册</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop adding: what is already in the album stays</source>
        <translation>停止添加：已加入相册的内容会保留</translation>
    </message>
    <message>
        <source>Demo library</source>
        <translation>演示图库</translation>
    </message>
    <message>
        <source>A local library made up for trying the app: %1</source>
        <translation>为试用本应用而生成的本地图库：%1</translation>
    </message>
    <message>
        <source>Name A–Z</source>
        <translation>名称 A–Z</translation>
    </message>
    <message>
        <source>Name Z–A</source>
        <translation>名称 Z–A</translation>
    </message>
    <message>
        <source>There is no folder “%1” in “%2”.</source>
        <translation>“%2”中没有名为“%1”的文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) so far</source>
        <translation>
            <numerusform>已载入 %Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected, and the rest as it loads</source>
        <translation>
            <numerusform>已选择 %Ln 项，其余的载入后也会选中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected</source>
        <translation>
            <numerusform>已选择 %Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New album…</source>
        <translation>新建相册(&amp;N)…</translation>
    </message>
    <message>
        <source>Make a new album or collection (Ctrl+N)</source>
        <translation>新建相册或合集（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit album…</source>
        <translation>编辑相册(&amp;E)…</translation>
    </message>
    <message>
        <source>Rename the album, or change a collection&apos;s folders (F2)</source>
        <translation>重命名相册，或更改合集的文件夹（F2）</translation>
    </message>
    <message>
        <source>&amp;Delete album</source>
        <translation>删除相册(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the album; its photos stay in your drive (Shift+Del)</source>
        <translation>删除相册；其中的照片仍保留在你的云盘中（Shift+Del）</translation>
    </message>
    <message>
        <source>&amp;Remove from album</source>
        <translation>从相册中移除(&amp;R)</translation>
    </message>
    <message>
        <source>Take the selected photos out of this album; they stay in your drive (Del)</source>
        <translation>将所选照片移出此相册；它们仍保留在你的云盘中（Del）</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Read the shown folder or album again (F5)</source>
        <translation>重新读取当前文件夹或相册（F5）</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select every file shown, including those not loaded yet (Ctrl+A)</source>
        <translation>选择显示的所有文件，包括尚未载入的（Ctrl+A）</translation>
    </message>
    <message>
        <source>&amp;Larger thumbnails</source>
        <translation>放大缩略图(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller thumbnails</source>
        <translation>缩小缩略图(&amp;S)</translation>
    </message>
    <message>
        <source>Searc&amp;h this folder</source>
        <translation>在此文件夹中搜索(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>登录(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign in to a KooDrive server</source>
        <translation>登录 KooDrive 服务器</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Add to al&amp;bum</source>
        <translation>添加到相册(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>Recycle &amp;bin</source>
        <translation>回收站(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>KooDrive Albums will speak %1 from its next start.</source>
        <translation>KooDrive 相册将在下次启动时使用%1。</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>&amp;Album</source>
        <translation>相册(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About KooDrive Albums</source>
        <translation>关于 KooDrive 相册(&amp;A)</translation>
    </message>
    <message>
        <source>About KooDrive Albums</source>
        <translation>关于 KooDrive 相册</translation>
    </message>
    <message>
        <source>&lt;h3&gt;KooDrive Albums %1&lt;/h3&gt;&lt;p&gt;Your KooDrive photos and albums on the desktop: browse folders, make albums, and drag photos into them.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;KooDrive 相册 %1&lt;/h3&gt;&lt;p&gt;在桌面上管理你的 KooDrive 照片和相册：浏览文件夹、创建相册，把照片拖进相册即可。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Open a folder or a photo</source>
        <translation>打开文件夹或照片</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Enter、双击</translation>
    </message>
    <message>
        <source>Add the selection to an album</source>
        <translation>将所选内容添加到相册</translation>
    </message>
    <message>
        <source>Menu key or Shift+F10, then Add to album</source>
        <translation>菜单键或 Shift+F10，然后选“添加到相册”</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>缩略图大小</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <source>Viewer: previous / next photo</source>
        <translation>查看器：上一张 / 下一张</translation>
    </message>
    <message>
        <source>Left, Right</source>
        <translation>左方向键、右方向键</translation>
    </message>
    <message>
        <source>Viewer: first / last photo</source>
        <translation>查看器：第一张 / 最后一张</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Home、End</translation>
    </message>
    <message>
        <source>Viewer: fit / actual size</source>
        <translation>查看器：适合窗口 / 实际大小</translation>
    </message>
    <message>
        <source>F, 1</source>
        <translation>F、1</translation>
    </message>
    <message>
        <source>Viewer: slideshow</source>
        <translation>查看器：幻灯片放映</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Viewer: back to the grid</source>
        <translation>查看器：返回缩略图</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Which files to show</source>
        <translation>要显示哪些文件</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>全部文件</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Search this folder</source>
        <translation>在此文件夹中搜索</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Thumbnail size (Ctrl+wheel, Ctrl++ and Ctrl+-)</source>
        <translation>缩略图大小（Ctrl+滚轮、Ctrl++ 和 Ctrl+-）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Adding %v of %m</source>
        <translation>正在添加：%v / %m</translation>
    </message>
    <message numerus="yes">
        <source>%Ln added</source>
        <translation>
            <numerusform>已添加 %Ln 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already in the album</source>
        <translation>
            <numerusform>%Ln 项已在相册中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not added (stopped)</source>
        <translation>
            <numerusform>%Ln 项未添加（已停止）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed: %1</source>
        <translation>
            <numerusform>%Ln 项失败：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1”: %2.</source>
        <translation>“%1”：%2。</translation>
    </message>
    <message>
        <source>Add to album</source>
        <translation>添加到相册</translation>
    </message>
    <message>
        <source> (trace id %1)</source>
        <translation>（跟踪 ID %1）</translation>
    </message>
    <message>
        <source>Delete album</source>
        <translation>删除相册</translation>
    </message>
    <message>
        <source>Delete the album “%1”?</source>
        <translation>要删除相册“%1”吗？</translation>
    </message>
    <message>
        <source>The photos themselves stay in your drive.</source>
        <translation>照片本身仍会保留在你的云盘中。</translation>
    </message>
    <message>
        <source>The folders and their photos stay in your drive.</source>
        <translation>这些文件夹及其中的照片仍会保留在你的云盘中。</translation>
    </message>
    <message>
        <source>Deleted the album “%1”; its photos are still in your drive.</source>
        <translation>已删除相册“%1”；其中的照片仍在你的云盘中。</translation>
    </message>
    <message numerus="yes">
        <source>Took %Ln item(s) out of the album; they stay in your drive.</source>
        <translation>
            <numerusform>已从相册中移出 %Ln 项；它们仍保留在你的云盘中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed in as %1 on %2.</source>
        <translation>已在 %2 上以 %1 身份登录。</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>已退出 %1。</translation>
    </message>
    <message>
        <source>Your KooDrive session has ended</source>
        <translation>你的 KooDrive 会话已结束</translation>
    </message>
    <message>
        <source>Signed in again.</source>
        <translation>已重新登录。</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation>传输(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Upload photos…</source>
        <translation>上传照片(&amp;U)…</translation>
    </message>
    <message>
        <source>Upload photos and other files into the folder or album shown</source>
        <translation>将照片和其他文件上传到当前显示的文件夹或相册</translation>
    </message>
    <message>
        <source>Upload &amp;folder…</source>
        <translation>上传文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Upload a folder with its sub-folders into the folder or album shown</source>
        <translation>将文件夹及其子文件夹上传到当前显示的文件夹或相册</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>Uploads</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Show the Transfers panel</source>
        <translation>显示传输面板</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>上传进度</translation>
    </message>
    <message>
        <source>Uploads cannot be kept: %1</source>
        <translation>无法保存上传列表：%1</translation>
    </message>
    <message>
        <source>Open a folder of your drive or a manual album to upload into.</source>
        <translation>请先打开云盘中的文件夹或一个手动相册，再上传到其中。</translation>
    </message>
    <message>
        <source>Upload a folder</source>
        <translation>上传文件夹</translation>
    </message>
    <message>
        <source>Upload photos</source>
        <translation>上传照片</translation>
    </message>
    <message>
        <source>Photos and videos (*.jpg *.jpeg *.png *.heic *.heif *.webp *.gif *.tif *.tiff *.dng *.mp4 *.mov *.m4v *.avi *.mkv);;All files (*)</source>
        <translation>照片和视频 (*.jpg *.jpeg *.png *.heic *.heif *.webp *.gif *.tif *.tiff *.dng *.mp4 *.mov *.m4v *.avi *.mkv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>相册</translation>
    </message>
    <message>
        <source>Nothing was uploaded to “%1”: %2</source>
        <translation>没有任何内容上传到“%1”：%2</translation>
    </message>
    <message numerus="yes">
        <source>Uploading %Ln file(s) to “%1”.</source>
        <translation>
            <numerusform>正在将 %Ln 个文件上传到“%1”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to upload to “%1”.</source>
        <translation>没有可上传到“%1”的内容。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) that are not photos or videos were left out.</source>
        <translation>
            <numerusform>已略过 %Ln 个不是照片或视频的文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %L1 files were taken.</source>
        <translation>只上传了前 %L1 个文件。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) could not be read: %1</source>
        <translation>
            <numerusform>%Ln 项无法读取：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Save to…</source>
        <translation>保存到(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the originals of the selection, or of the album or folder shown, to a folder of this computer</source>
        <translation>将所选项或当前相册、文件夹的原件保存到本机文件夹</translation>
    </message>
    <message>
        <source>&amp;Open with default application</source>
        <translation>用默认应用打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected files, to paste them in a file manager or another app</source>
        <translation>复制所选文件，以便粘贴到文件管理器或其他应用</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>the drive</source>
        <translation>云盘</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>云盘</translation>
    </message>
    <message>
        <source>Select photos, or open an album or a folder, to save them.</source>
        <translation>请选择照片，或打开一个相册或文件夹以保存。</translation>
    </message>
    <message>
        <source>Nothing of “%1” was saved: %2</source>
        <translation>“%1”未保存任何内容：%2</translation>
    </message>
    <message>
        <source>“%1” has no photos or videos to save.</source>
        <translation>“%1”中没有可保存的照片或视频。</translation>
    </message>
    <message>
        <source>No application opens %1.</source>
        <translation>没有应用可以打开 %1。</translation>
    </message>
    <message>
        <source>Where &amp;uploads go…</source>
        <translation>上传位置(&amp;U)…</translation>
    </message>
    <message>
        <source>Choose the folder of your drive that photos dropped on this album go into</source>
        <translation>选择拖放到此相册的照片存入云盘中的哪个文件夹</translation>
    </message>
    <message>
        <source>There is no manual album “%1” to upload into.</source>
        <translation>没有可上传到的手动相册“%1”。</translation>
    </message>
    <message>
        <source>The folder “%1” is no longer in your drive.</source>
        <translation>文件夹“%1”已不在您的云盘中。</translation>
    </message>
    <message numerus="yes">
        <source>Uploading %Ln file(s) to the album “%1”, into the top of your drive.</source>
        <translation>
            <numerusform>正在将 %Ln 个文件上传到相册“%1”，存入云盘顶层。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploading %Ln file(s) to the album “%1”, into “%2”.</source>
        <translation>
            <numerusform>正在将 %Ln 个文件上传到相册“%1”，存入“%2”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation>更改文件夹…</translation>
    </message>
    <message>
        <source>Choose where photos dropped on the album “%1” are uploaded from now on:</source>
        <translation>请选择今后拖放到相册“%1”的照片上传到哪里：</translation>
    </message>
    <message>
        <source>Where uploads to “%1” go could not be kept.</source>
        <translation>无法保存“%1”的上传位置。</translation>
    </message>
    <message>
        <source>the top of your drive</source>
        <translation>云盘顶层</translation>
    </message>
    <message>
        <source>Photos dropped on the album “%1” now go into %2.</source>
        <translation>拖放到相册“%1”的照片今后将存入%2。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) not yet begun go there too.</source>
        <translation>
            <numerusform>尚未开始的 %Ln 个文件也会存到那里。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln item(s) given were not uploaded.</source>
        <translation>
            <numerusform>给出的 %Ln 项未上传。</numerusform>
        </translation>
    </message>
    <message>
        <source>Photos dropped on the album “%1” are uploaded into %2. Choose where they go from now on:</source>
        <translation>拖放到相册“%1”的照片会上传到%2。请选择今后上传到哪里：</translation>
    </message>
    <message>
        <source>checking for changes…</source>
        <translation>正在检查更改…</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Offline — this place was not saved; it opens when KooDrive can be reached</source>
        <translation>离线 — 此位置未保存；连上 KooDrive 后即可打开</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Offline — showing what was saved at %1</source>
        <translation>离线 — 显示 %1 保存的内容</translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting to be sent</source>
        <translation>
            <numerusform>%Ln 项待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Create the album “%1”</source>
        <translation>创建相册“%1”</translation>
    </message>
    <message>
        <source>Rename the album “%1”</source>
        <translation>重命名相册“%1”</translation>
    </message>
    <message>
        <source>Delete the album “%1”</source>
        <translation>删除相册“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Add %Ln item(s) to “%1”</source>
        <translation>
            <numerusform>向“%1”添加 %Ln 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take %Ln item(s) out of “%1”</source>
        <translation>
            <numerusform>从“%1”移出 %Ln 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Album changes waiting</source>
        <translation>待发送的相册更改</translation>
    </message>
    <message numerus="yes">
        <source>%Ln album change(s) waiting to be sent</source>
        <translation>
            <numerusform>%Ln 项相册更改待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Made while KooDrive could not be reached; kept on this computer and sent in order when it answers again.</source>
        <translation>在无法连接 KooDrive 时所做；已保存在本机，恢复连接后按顺序发送。</translation>
    </message>
    <message>
        <source>%1: not done. %2</source>
        <translation>%1：未完成。%2</translation>
    </message>
    <message numerus="yes">
        <source>Sent %Ln album change(s) made while KooDrive could not be reached.</source>
        <translation>
            <numerusform>已发送 %Ln 项在无法连接 KooDrive 时所做的相册更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln album change(s) made while KooDrive could not be reached were refused.</source>
        <translation>
            <numerusform>在无法连接 KooDrive 时所做的 %Ln 项相册更改中，有 %1 项被拒绝。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not on KooDrive yet: upload into it once it is.</source>
        <translation>“%1”尚未到达 KooDrive：到达后再向其上传。</translation>
    </message>
    <message>
        <source>%1: waiting to be sent, kept on this computer until KooDrive takes it.</source>
        <translation>%1：等待发送，在 KooDrive 接收之前保存在本机。</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <source>Signed out of %1. Keep what this computer saved of %2&apos;s library?</source>
        <translation>已退出 %1。是否保留本机保存的 %2 的图库？</translation>
    </message>
    <message>
        <source>The folders, albums and thumbnails seen are saved so that they open at once and can be seen offline. Forget them on a computer others use.</source>
        <translation>看过的文件夹、相册和缩略图已保存，以便立即打开并可离线查看。在他人也使用的电脑上，请忘记它们。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln album change(s) made offline and not sent yet would be lost.</source>
        <translation>
            <numerusform>离线时所做、尚未发送的 %Ln 项相册更改将会丢失。</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>忘记</translation>
    </message>
    <message>
        <source>Signed out of %1; what this computer saved of the account is forgotten.</source>
        <translation>已退出 %1；本机保存的该账户内容已忘记。</translation>
    </message>
    <message>
        <source>Signed out of %1, but the saved library could not be deleted.</source>
        <translation>已退出 %1，但无法删除已保存的图库。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>window title: the library, then the app&apos;s name</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Earlier problems</source>
        <translation>此前的问题</translation>
    </message>
    <message>
        <source>Problems of places you left: choose one to see it again</source>
        <translation>在已离开的位置上出现的问题：选择一项可再次查看</translation>
    </message>
    <message>
        <source>Clear this list</source>
        <translation>清空此列表</translation>
    </message>
    <message numerus="yes">
        <source>%Ln earlier problem(s)</source>
        <translation>
            <numerusform>%Ln 个此前的问题</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is a collection: it gathers the photos and videos of its folders by itself. Drop them on a manual album, or add their folder to the collection (Edit album).</source>
        <translation>“%1”是合集：它会自动汇集其文件夹中的照片和视频。请将照片拖放到手动相册，或把它们所在的文件夹加入该合集（编辑相册）。</translation>
    </message>
    <message>
        <source>“%1” does not take these items.</source>
        <translation>“%1”不接受这些项目。</translation>
    </message>
    <message>
        <source>Modified — newest first</source>
        <translation>修改时间 — 最新优先</translation>
    </message>
    <message>
        <source>Modified — oldest first</source>
        <translation>修改时间 — 最早优先</translation>
    </message>
    <message>
        <source>Created — newest first</source>
        <translation>创建时间 — 最新优先</translation>
    </message>
    <message>
        <source>Size — largest first</source>
        <translation>大小 — 最大优先</translation>
    </message>
    <message>
        <source>Size — smallest first</source>
        <translation>大小 — 最小优先</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date taken — newest first</source>
        <translation>拍摄日期 — 最新优先</translation>
    </message>
    <message>
        <source>Date taken — oldest first</source>
        <translation>拍摄日期 — 最早优先</translation>
    </message>
    <message>
        <source>Added — newest first</source>
        <translation>添加时间 — 最新优先</translation>
    </message>
    <message>
        <source>Changed — newest first</source>
        <translation>更改时间 — 最新优先</translation>
    </message>
    <message>
        <source>Nothing here is of the kind chosen in “Show”.</source>
        <translation>此处没有“显示”中所选类型的项目。</translation>
    </message>
    <message>
        <source>Nothing here matches “%1”.</source>
        <translation>此处没有与“%1”匹配的项目。</translation>
    </message>
    <message>
        <source>Clear the search and the filter</source>
        <translation>清除搜索和筛选</translation>
    </message>
    <message>
        <source>This folder is empty.</source>
        <translation>此文件夹为空。</translation>
    </message>
    <message>
        <source>Upload photos…</source>
        <translation>上传照片…</translation>
    </message>
    <message>
        <source>The recycle bin is empty.</source>
        <translation>回收站为空。</translation>
    </message>
    <message>
        <source>This album is empty. Drag photos onto it from a folder, or drop them here from your computer.</source>
        <translation>此相册为空。请从文件夹中将照片拖到相册上，或从电脑将照片拖放到这里。</translation>
    </message>
    <message>
        <source>The folders of this collection hold no photos or videos of its kind.</source>
        <translation>此合集的文件夹中没有该类型的照片或视频。</translation>
    </message>
    <message>
        <source>You are signed out. Sign in to see your photos and albums.</source>
        <translation>你已退出登录。登录后即可查看你的照片和相册。</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>&amp;Parent folder</source>
        <translation>上级文件夹(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the place shown before (Alt+Left)</source>
        <translation>回到之前显示的位置 (Alt+Left)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>Forward to the place shown after (Alt+Right)</source>
        <translation>前往之后显示的位置 (Alt+Right)</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>The photos and files you starred</source>
        <translation>你收藏的照片和文件</translation>
    </message>
    <message>
        <source>Search all of My &amp;drive</source>
        <translation>搜索整个我的云盘(&amp;D)</translation>
    </message>
    <message>
        <source>Search every folder of your drive for the name typed (Ctrl+Shift+F)</source>
        <translation>在云盘的所有文件夹中搜索输入的名称（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Fa&amp;vourites</source>
        <translation>收藏(&amp;V)</translation>
    </message>
    <message>
        <source>No album takes photos yet</source>
        <translation>还没有可以放照片的相册</translation>
    </message>
    <message>
        <source>&amp;New album from selection…</source>
        <translation>用所选内容新建相册(&amp;N)…</translation>
    </message>
    <message numerus="yes">
        <source>“%1”: took the %Ln item(s) added out again.</source>
        <translation>
            <numerusform>“%1”：已再次移出刚添加的 %Ln 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo menu</source>
        <translation>照片菜单</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <source>Remove from album</source>
        <translation>从相册中移除</translation>
    </message>
    <message>
        <source>&amp;Favourite</source>
        <translation>收藏(&amp;F)</translation>
    </message>
    <message>
        <source>Star the selected photos, or unstar them (S)</source>
        <translation>收藏所选照片，或取消收藏（S）</translation>
    </message>
    <message>
        <source>&amp;Move to recycle bin</source>
        <translation>移到回收站(&amp;M)</translation>
    </message>
    <message>
        <source>Move the selected files to the recycle bin; they can be restored (Del)</source>
        <translation>将所选文件移到回收站；之后可以恢复（Del）</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Put the selected files back where they were</source>
        <translation>将所选文件放回原来的位置</translation>
    </message>
    <message>
        <source>&amp;Delete for good…</source>
        <translation>永久删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected files from the recycle bin; this cannot be undone (Del)</source>
        <translation>从回收站永久删除所选文件；此操作无法撤销（Del）</translation>
    </message>
    <message>
        <source>&amp;Empty recycle bin…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <source>Delete every file in the recycle bin; this cannot be undone</source>
        <translation>永久删除回收站中的所有文件；此操作无法撤销</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;N)</translation>
    </message>
    <message>
        <source>Rename the selected file or folder (F2)</source>
        <translation>重命名所选文件或文件夹（F2）</translation>
    </message>
    <message>
        <source>New &amp;folder</source>
        <translation>新建文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Make a folder here and name it (Ctrl+Shift+N)</source>
        <translation>在此处新建文件夹并为其命名（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
        <source>Nothing to undo (Ctrl+Z)</source>
        <translation>没有可撤销的操作（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>撤销%1（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be changed: %1</source>
        <translation>
            <numerusform>%Ln 个文件无法更改：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>取消收藏</translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln file(s) to your favourites.</source>
        <translation>
            <numerusform>已将 %Ln 个文件加入收藏。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %Ln file(s) from your favourites.</source>
        <translation>
            <numerusform>已从收藏中移除 %Ln 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Starred — newest first</source>
        <translation>收藏时间 — 最新在前</translation>
    </message>
    <message>
        <source>Move to recycle bin</source>
        <translation>移到回收站</translation>
    </message>
    <message numerus="yes">
        <source>%Ln moved to the recycle bin, %1 could not be: %2</source>
        <translation>
            <numerusform>%Ln 项已移到回收站，%1 项无法移动：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %Ln item(s) to the recycle bin.</source>
        <translation>
            <numerusform>已将 %Ln 项移到回收站。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln restored, %1 could not be: %2</source>
        <translation>
            <numerusform>%Ln 项已恢复，%1 项无法恢复：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln item(s) to where they were.</source>
        <translation>
            <numerusform>已将 %Ln 项恢复到原来的位置。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>此操作无法撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln item(s) for good?</source>
        <translation>
            <numerusform>要永久删除 %Ln 项吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted, %1 could not be: %2</source>
        <translation>
            <numerusform>已删除 %Ln 项，%1 项无法删除：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln item(s) for good.</source>
        <translation>
            <numerusform>已永久删除 %Ln 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete everything in the recycle bin for good?</source>
        <translation>要永久删除回收站中的所有内容吗？</translation>
    </message>
    <message>
        <source>The recycle bin could not be emptied: %1</source>
        <translation>无法清空回收站：%1</translation>
    </message>
    <message>
        <source>Emptied the recycle bin.</source>
        <translation>已清空回收站。</translation>
    </message>
    <message>
        <source>“%1” could not be renamed to “%2”: %3</source>
        <translation>无法将“%1”重命名为“%2”：%3</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation>已将“%1”重命名为“%2”。</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <source>New folder %1</source>
        <translation>新建文件夹 %1</translation>
    </message>
    <message>
        <source>Search all of My drive</source>
        <translation>搜索整个我的云盘</translation>
    </message>
    <message>
        <source>My drive: “%1”</source>
        <translation>我的云盘：“%1”</translation>
    </message>
    <message>
        <source>No favourites yet. Click the heart on a photo, or select photos and press S, to keep them here.</source>
        <translation>还没有收藏。点击照片上的心形，或选中照片后按 S，即可收藏到这里。</translation>
    </message>
    <message>
        <source>Type a part of a name to search every folder of your drive.</source>
        <translation>输入名称的一部分，即可搜索云盘的所有文件夹。</translation>
    </message>
    <message>
        <source>Nothing in your drive is named with “%1”.</source>
        <translation>云盘中没有名称包含“%1”的内容。</translation>
    </message>
    <message>
        <source>Filter albums</source>
        <translation>筛选相册</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Sort albums</source>
        <translation>相册排序</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>按名称</translation>
    </message>
    <message>
        <source>Album menu</source>
        <translation>相册菜单</translation>
    </message>
    <message>
        <source>&amp;Slideshow</source>
        <translation>幻灯片放映(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;to…</source>
        <translation>保存到(&amp;T)…</translation>
    </message>
    <message>
        <source>Folder menu</source>
        <translation>文件夹菜单</translation>
    </message>
    <message>
        <source>&amp;Upload here…</source>
        <translation>上传到这里(&amp;U)…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <source>Rename folder</source>
        <translation>重命名文件夹</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>“%1” could not be moved to the recycle bin: %2</source>
        <translation>无法将“%1”移到回收站：%2</translation>
    </message>
    <message>
        <source>Moved the folder “%1” to the recycle bin.</source>
        <translation>已将文件夹“%1”移到回收站。</translation>
    </message>
    <message>
        <source>Remove from &amp;favourites</source>
        <translation>取消收藏(&amp;F)</translation>
    </message>
    <message>
        <source>This file is not in your drive: its folder cannot be shown.</source>
        <translation>此文件不在你的云盘中：无法显示它所在的文件夹。</translation>
    </message>
    <message>
        <source>Your session cannot be remembered this time (%1): you stay signed in until you quit, and the next start will ask you to sign in.</source>
        <translation>这次无法记住你的会话（%1）：在退出应用之前你保持登录，下次启动时会请你重新登录。</translation>
    </message>
    <message>
        <source>The server ended the session: %1</source>
        <translation>服务器结束了会话：%1</translation>
    </message>
    <message>
        <source>The server ended the session: %1 (trace id %2)</source>
        <translation>服务器结束了会话：%1（跟踪 ID %2）</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::MessageBar</name>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>KooDrive can be reached again.</source>
        <translation>已能重新连接 KooDrive。</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>关闭消息</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>KooDrive cannot be reached: you may be offline. Trying again in %n second(s)…</source>
        <translation>
            <numerusform>无法连接 KooDrive：你可能处于离线状态。%n 秒后重试…</numerusform>
        </translation>
    </message>
    <message>
        <source>Trace id: %1</source>
        <translation>跟踪 ID：%1</translation>
    </message>
    <message>
        <source>Trying to reach KooDrive again…</source>
        <translation>正在重新连接 KooDrive…</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::PhotoViewer</name>
    <message>
        <source>Photo viewer</source>
        <translation>照片查看器</translation>
    </message>
    <message>
        <source>%1 (trace id %2)</source>
        <translation>%1（跟踪 ID %2）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>%1   ·   %2 of %3</source>
        <translation>%1   ·   第 %2 张，共 %3 张</translation>
    </message>
    <message>
        <source>actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>slideshow</source>
        <translation>幻灯片放映</translation>
    </message>
    <message>
        <source>← →</source>
        <translation>← →</translation>
    </message>
    <message>
        <source>move</source>
        <translation>切换</translation>
    </message>
    <message>
        <source>Home End</source>
        <translation>Home End</translation>
    </message>
    <message>
        <source>first, last</source>
        <translation>第一张、最后一张</translation>
    </message>
    <message>
        <source>fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>favourite</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Open with…</source>
        <translation>打开方式…</translation>
    </message>
    <message>
        <source>Save to…</source>
        <translation>保存到…</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>play, pause</source>
        <translation>播放、暂停</translation>
    </message>
    <message>
        <source>mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Info (I)</source>
        <translation>信息 (I)</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>In the recycle bin</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>In another person&apos;s space</source>
        <translation>在他人的空间中</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::ProblemLabel</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::SignInDialog</name>
    <message>
        <source>Sign in to KooDrive</source>
        <translation>登录 KooDrive</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账号(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;User id:</source>
        <translation>用户 ID(&amp;U)：</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>访问令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>Account and password</source>
        <translation>账号和密码</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>%1 (trace id %2)</source>
        <translation>%1（跟踪 ID %2）</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, e.g. https://drive.example.com.</source>
        <translation>请输入服务器地址，例如 https://drive.example.com。</translation>
    </message>
    <message>
        <source>Enter both the user id and the token.</source>
        <translation>请同时输入用户 ID 和令牌。</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::ThumbnailDelegate</name>
    <message>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::ThumbnailGridView</name>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::TransfersPanel</name>
    <message>
        <source>Pause all</source>
        <translation>全部暂停</translation>
    </message>
    <message>
        <source>Resume all</source>
        <translation>全部继续</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已结束的</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>传输</translation>
    </message>
    <message>
        <source>Transfers summary</source>
        <translation>传输概况</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) uploaded</source>
        <translation>
            <numerusform>已上传 %Ln 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln file(s) uploaded</source>
        <translation>
            <numerusform>已上传 %1 / %Ln 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 (trace id %2)</source>
        <translation>%1（跟踪 ID %2）</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Pause every transfer; each goes on later from where it stopped</source>
        <translation>暂停所有传输；稍后各自从停止处继续</translation>
    </message>
    <message>
        <source>Go on with every paused transfer</source>
        <translation>继续所有已暂停的传输</translation>
    </message>
    <message>
        <source>Remove the transfers that ended from this list</source>
        <translation>从列表中移除已结束的传输</translation>
    </message>
    <message>
        <source>No transfers</source>
        <translation>没有传输</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) saved</source>
        <translation>
            <numerusform>已保存 %Ln 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) transferred</source>
        <translation>
            <numerusform>已传输 %Ln 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln file(s) saved</source>
        <translation>
            <numerusform>已保存 %1 / %Ln 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln file(s) transferred</source>
        <translation>
            <numerusform>已传输 %1 / %Ln 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
</context>
<context>
    <name>koodrive::ui::VideoPane</name>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停（空格）</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>Mute (M)</source>
        <translation>静音（M）</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>The video could not be opened: %1</source>
        <translation>无法打开视频：%1</translation>
    </message>
    <message>
        <source>The video could not be opened: %1 (trace id %2)</source>
        <translation>无法打开视频：%1（跟踪 ID %2）</translation>
    </message>
    <message>
        <source>The video did not arrive within %1 s; the app stopped waiting.</source>
        <translation>视频在 %1 秒内没有到达，应用已停止等待。</translation>
    </message>
    <message>
        <source>This video cannot be played on this computer: no decoder for its format is installed (on Debian: the packages gstreamer1.0-libav and gstreamer1.0-plugins-bad). %1</source>
        <translation>这台电脑无法播放此视频：没有安装它的格式所需的解码器（Debian 上为 gstreamer1.0-libav 和 gstreamer1.0-plugins-bad 软件包）。%1</translation>
    </message>
    <message>
        <source>The video could not be played: %1</source>
        <translation>无法播放视频：%1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Open the demo library (N files when it is first made).</source>
        <translation>打开演示图库（首次生成时包含 N 个文件）。</translation>
    </message>
    <message>
        <source>Connect to the KooDrive server at URL (you are asked to sign in).</source>
        <translation>连接位于 URL 的 KooDrive 服务器（会要求你登录）。</translation>
    </message>
    <message>
        <source>Open the drive&apos;s folder at PATH, by names (for example Pictures/2024).</source>
        <translation>按名称打开云盘中位于 PATH 的文件夹（例如 Pictures/2024）。</translation>
    </message>
    <message>
        <source>Browse KooDrive photos and organise them in albums.</source>
        <translation>浏览 KooDrive 照片并整理到相册中。</translation>
    </message>
    <message>
        <source>The demo library could not be opened: %1</source>
        <translation>无法打开演示图库：%1</translation>
    </message>
    <message>
        <source>Upload the FILEs given into the manual album NAME.</source>
        <translation>将给出的 FILE 上传到手动相册 NAME。</translation>
    </message>
    <message>
        <source>Files and folders to upload, as if dropped: into the album given with --album, else into the folder given with --open, else into the drive&apos;s top.</source>
        <translation>要上传的文件和文件夹，如同拖放：上传到 --album 指定的相册，否则上传到 --open 指定的文件夹，否则上传到云盘顶层。</translation>
    </message>
</context>
</TS>
