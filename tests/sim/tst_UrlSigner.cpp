#include "UrlSigner.h"

#include <QTest>

using koodrive::sim::UrlSigner;

class TestUrlSigner : public QObject
{
    Q_OBJECT

private:
    const UrlSigner m_signer{"secret"};
    const QByteArray m_server = "http://127.0.0.1:8080";
    const qint64 m_now = 1'763'000'000;
    const QString m_process = QStringLiteral("image/resize,m_lfit,h_128,w_128");

    UrlSigner::Verdict verify(const QUrl &url, qint64 now) const
    {
        return m_signer.verify(url.path().mid(5), QUrlQuery(url), now);
    }

    QUrl signed_(const QByteArray &origin, const QString &key, const QString &process, const QString &name,
                 qint64 at, qint64 life) const
    {
        return QUrl(QString::fromLatin1(m_signer.sign(origin, key, process, name, at, life)));
    }

private slots:
    void looksLikeThePagesCoverUrls()
    {
        const QUrl url =
            signed_(m_server, QStringLiteral("Fabc"), m_process, QStringLiteral("a b.jpg"), m_now, 3600);
        const QString text = url.toString(QUrl::FullyEncoded);
        QVERIFY2(text.contains(QLatin1String("x-image-process=image%2Fresize%2Cm_lfit%2Ch_128%2Cw_128")),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("X-Amz-Expires=3600")));
        QVERIFY(text.contains(QLatin1String("X-Amz-Signature=")));
        QCOMPARE(url.path(), QStringLiteral("/obs/Fabc"));
    }

    void freshIsValidUntilItExpires()
    {
        const QUrl url =
            signed_(m_server, QStringLiteral("Fabc"), m_process, QStringLiteral("x.jpg"), m_now, 3600);
        // Through the wire and back: the query as the server will parse it.
        const QUrl received(url.toString(QUrl::FullyEncoded));
        QCOMPARE(verify(received, m_now), UrlSigner::Verdict::Valid);
        QCOMPARE(verify(received, m_now + 3600), UrlSigner::Verdict::Valid);
        QCOMPARE(verify(received, m_now + 3601), UrlSigner::Verdict::Expired);
    }

    void anyChangeVoidsIt_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("bigger thumbnail") << "w_128"
                                          << "w_4000";
        QTest::newRow("longer life") << "X-Amz-Expires=3600"
                                     << "X-Amz-Expires=999999";
        QTest::newRow("other file") << "/obs/Fabc"
                                    << "/obs/Fabd";
        QTest::newRow("later date") << "X-Amz-Date=2025"
                                    << "X-Amz-Date=2026";
        QTest::newRow("signature") << "X-Amz-Signature="
                                   << "X-Amz-Signature=0";
    }
    void anyChangeVoidsIt()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QString text =
            signed_(m_server, QStringLiteral("Fabc"), m_process, QStringLiteral("x.jpg"), m_now, 3600)
                .toString(QUrl::FullyEncoded);
        QVERIFY(text.contains(from));
        text.replace(from, to);
        QCOMPARE(verify(QUrl(text), m_now), UrlSigner::Verdict::Forged);
    }

    void anotherSecretDoesNotVerify()
    {
        const QUrl url = QUrl(QString::fromLatin1(UrlSigner("other").sign(
            m_server, QStringLiteral("Fabc"), QString(), QStringLiteral("x.jpg"), m_now, 60)));
        QCOMPARE(verify(url, m_now), UrlSigner::Verdict::Forged);
    }
};

QTEST_GUILESS_MAIN(TestUrlSigner)
#include "tst_UrlSigner.moc"
