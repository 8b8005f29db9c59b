#pragma once
// A real HTTP/1.1 server on 127.0.0.1 that plays an OpenAI-compatible chat-completions endpoint,
// for tests of the remote extractor. It runs on a thread of its own, so a test may block its
// main thread (waiting for workers) while the server answers. Each request is answered by the
// next scripted behaviour, else by the default one; counts are kept server-side.
//
// No Q_OBJECT here (a header-only helper would need moc): signals go to lambdas.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include "core/threadsanitizer.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

namespace gw::testing {

class LoopbackChatServer
{
public:
    enum class Behaviour {
        Answer,       // 200 with the responder's answer, after answerDelayMs
        Slow,         // the same, after slowDelayMs
        Error500,     // 500 Internal Server Error
        Error429,     // 429 Too Many Requests
        Error400,     // 400 Bad Request
        Garbage,      // 200, a well-formed chat completion whose content is not JSON
        Close,        // the connection is closed without an answer
        CloseMidBody, // 200 headers and half the body announced, then the connection is closed
        Scripted,     // 200, a chat completion around the next text given to scriptAnswer()
    };
    // The model's answer text for the chunk text it was sent.
    using Responder = std::function<QString(const QString &chunkText)>;

    explicit LoopbackChatServer(Responder responder) : m_responder(std::move(responder))
    {
        // Set up here, then handed to the thread: starting a thread orders everything before it
        // (for ThreadSanitizer too, which cannot see Qt's queued hand-offs).
        m_clock.start();
        m_context = new QObject;
        auto *server = new QTcpServer(m_context);
        QObject::connect(server, &QTcpServer::newConnection, server, [this, server] {
            while (QTcpSocket *socket = server->nextPendingConnection())
                accept(socket);
        });
        if (server->listen(QHostAddress::LocalHost, 0))
            m_port = server->serverPort();
        m_context->moveToThread(&m_thread);
        // Emitted on the server's thread as it ends: everything it did (reading the responder
        // included) happens before the destructor's acquire. See ~LoopbackChatServer().
        QObject::connect(
            &m_thread, &QThread::finished, &m_thread, [this] { GW_TSAN_RELEASE(this); }, Qt::DirectConnection);
        m_thread.setObjectName(QStringLiteral("loopback chat server"));
        m_thread.start();
    }

    ~LoopbackChatServer()
    {
        // Destroyed on its own thread as that thread finishes.
        m_context->deleteLater();
        m_thread.quit();
        m_thread.wait();
        // QThread::wait() does not join in a way ThreadSanitizer sees (Qt is not instrumented):
        // the thread announced its end on `this` (the finished handler above). Without it a
        // later server built at the same stack address "races" with this one's last reads.
        GW_TSAN_ACQUIRE(this);
    }

    LoopbackChatServer(const LoopbackChatServer &) = delete;
    LoopbackChatServer &operator=(const LoopbackChatServer &) = delete;

    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    // A base URL, as a person would type it; the extractor adds /chat/completions.
    // (Built, not written out: moc chokes on a quoted URL in a test's includes.)
    QString url() const
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_port);
        url.setPath(QStringLiteral("/v1"));
        return url.toString();
    }

    void setBehaviour(Behaviour behaviour)
    {
        std::lock_guard lock(m_mutex);
        m_default = behaviour;
    }
    // The next requests get these behaviours, in order; then the default again.
    void script(const QList<Behaviour> &next)
    {
        std::lock_guard lock(m_mutex);
        m_script.insert(m_script.end(), next.begin(), next.end());
    }
    // The next request that reaches the Scripted behaviour is answered with `content` (the
    // model's answer text); scriptAnswer() also queues that behaviour.
    void scriptAnswer(const QString &content)
    {
        std::lock_guard lock(m_mutex);
        m_script.push_back(Behaviour::Scripted);
        m_scriptedAnswers.push_back(content);
    }
    // The "response_format" of each request, in order.
    QList<QJsonObject> responseFormats() const
    {
        std::lock_guard lock(m_mutex);
        return m_responseFormats;
    }
    // The system message of each request, in order.
    QStringList systemPrompts() const
    {
        std::lock_guard lock(m_mutex);
        return m_systemPrompts;
    }
    void setAnswerDelayMs(int ms) { m_answerDelayMs.store(ms); }
    // The Retry-After header value sent with 429 answers (none when empty).
    void setRetryAfter(const QByteArray &value)
    {
        std::lock_guard lock(m_mutex);
        m_retryAfter = value;
    }
    // When each request arrived, in ms since the server started.
    QList<qint64> requestTimesMs() const
    {
        std::lock_guard lock(m_mutex);
        return m_requestTimes;
    }
    void setSlowDelayMs(int ms) { m_slowDelayMs.store(ms); }
    // Requests without "Authorization: Bearer <key>" get 401, with a body that quotes the header
    // they sent (as some servers do), so tests see that the client keeps a key out of messages.
    void setRequiredApiKey(const QByteArray &key)
    {
        std::lock_guard lock(m_mutex);
        m_requiredKey = key;
    }
    // The Authorization header of each request, in order (empty when none was sent).
    QList<QByteArray> authorizations() const
    {
        std::lock_guard lock(m_mutex);
        return m_authorizations;
    }
    // Answers report this usage (prompt and completion tokens); none when negative.
    void setUsage(int promptTokens, int completionTokens)
    {
        std::lock_guard lock(m_mutex);
        m_promptTokens = promptTokens;
        m_completionTokens = completionTokens;
    }

    // GET requests (a model list, say) to `path` get `status` with the JSON `body`, after
    // `delayMs`; GET requests to other paths get 404. They pass the API key check too, and are
    // not counted in requests().
    void setGetAnswer(const QByteArray &path, int status, const QByteArray &body, int delayMs = 0)
    {
        std::lock_guard lock(m_mutex);
        m_getAnswers[path] = GetAnswer{status, body, delayMs};
    }
    // The paths of the GET requests, in order.
    QList<QByteArray> getPaths() const
    {
        std::lock_guard lock(m_mutex);
        return m_getPaths;
    }

    int requests() const { return m_requests.load(); }
    int inFlight() const { return m_inFlight.load(); }
    int maxInFlight() const { return m_maxInFlight.load(); }
    int connections() const { return m_connections.load(); }
    QStringList models() const
    {
        std::lock_guard lock(m_mutex);
        return m_models;
    }
    // Waits (sleeping this thread) until `count` requests are being answered, or `ms` pass.
    bool waitForInFlight(int count, int ms) const
    {
        QElapsedTimer timer;
        timer.start();
        while (m_inFlight.load() < count) {
            if (timer.elapsed() > ms)
                return false;
            QThread::msleep(2);
        }
        return true;
    }

    // A chat-completions response around `content`.
    static QByteArray completion(const QString &content, int promptTokens = -1, int completionTokens = -1)
    {
        const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                                  {QStringLiteral("content"), content}};
        const QJsonObject choice{{QStringLiteral("index"), 0},
                                 {QStringLiteral("message"), message},
                                 {QStringLiteral("finish_reason"), QStringLiteral("stop")}};
        QJsonObject body{{QStringLiteral("object"), QStringLiteral("chat.completion")},
                         {QStringLiteral("choices"), QJsonArray{choice}}};
        if (promptTokens >= 0 && completionTokens >= 0)
            body.insert(QStringLiteral("usage"),
                        QJsonObject{{QStringLiteral("prompt_tokens"), promptTokens},
                                    {QStringLiteral("completion_tokens"), completionTokens},
                                    {QStringLiteral("total_tokens"), promptTokens + completionTokens}});
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

private:
    struct Connection
    {
        QByteArray buffer;
        bool pending = false; // a request was read and not answered yet
    };
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray body;
        QByteArray authorization;
    };
    struct GetAnswer
    {
        int status = 404;
        QByteArray body;
        int delayMs = 0;
    };

    // Everything below runs on the server's thread.
    void accept(QTcpSocket *socket)
    {
        m_connections.fetch_add(1);
        auto connection = std::make_shared<Connection>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, connection] {
            connection->buffer += socket->readAll();
            readRequests(socket, connection);
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket, connection] {
            finish(*connection);
            socket->deleteLater();
        });
    }

    void readRequests(QTcpSocket *socket, const std::shared_ptr<Connection> &connection)
    {
        for (;;) {
            const qsizetype headerEnd = connection->buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            qsizetype contentLength = 0;
            Request request;
            const QList<QByteArray> lines = connection->buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.path = requestLine.value(1);
            for (const QByteArray &line : lines) {
                const qsizetype colon = line.indexOf(':');
                const QByteArray name = colon > 0 ? line.left(colon).trimmed().toLower() : QByteArray();
                if (name == "content-length")
                    contentLength = line.mid(colon + 1).trimmed().toLongLong();
                else if (name == "authorization")
                    request.authorization = line.mid(colon + 1).trimmed();
            }
            const qsizetype total = headerEnd + 4 + contentLength;
            if (connection->buffer.size() < total)
                return;
            request.body = connection->buffer.mid(headerEnd + 4, contentLength);
            connection->buffer.remove(0, total);
            if (request.method == "GET")
                handleGet(socket, connection, request);
            else
                handle(socket, connection, request);
        }
    }

    void handle(QTcpSocket *socket, const std::shared_ptr<Connection> &connection, const Request &received)
    {
        m_requests.fetch_add(1);
        connection->pending = true;
        const int now = m_inFlight.fetch_add(1) + 1;
        int seen = m_maxInFlight.load();
        while (now > seen && !m_maxInFlight.compare_exchange_weak(seen, now)) {}

        const QJsonObject request = QJsonDocument::fromJson(received.body).object();
        const QJsonArray messages = request.value(QStringLiteral("messages")).toArray();
        const QString chunkText = messages.last().toObject().value(QStringLiteral("content")).toString();
        Behaviour behaviour;
        QString scripted;
        QByteArray retryAfter;
        bool keyRefused = false;
        int promptTokens = -1;
        int completionTokens = -1;
        {
            std::lock_guard lock(m_mutex);
            m_requestTimes << m_clock.elapsed();
            m_authorizations << received.authorization;
            keyRefused = !m_requiredKey.isEmpty() && received.authorization != "Bearer " + m_requiredKey;
            promptTokens = m_promptTokens;
            completionTokens = m_completionTokens;
            retryAfter = m_retryAfter;
            m_models << request.value(QStringLiteral("model")).toString();
            m_responseFormats << request.value(QStringLiteral("response_format")).toObject();
            m_systemPrompts << messages.first().toObject().value(QStringLiteral("content")).toString();
            if (!m_script.empty()) {
                behaviour = m_script.front();
                m_script.pop_front();
            } else {
                behaviour = m_default;
            }
            if (behaviour == Behaviour::Scripted && !m_scriptedAnswers.empty()) {
                scripted = m_scriptedAnswers.front();
                m_scriptedAnswers.pop_front();
            }
        }

        if (keyRefused) {
            const QJsonObject error{
                {QStringLiteral("message"),
                 QStringLiteral("Incorrect API key provided: ") + QString::fromUtf8(received.authorization.mid(7))}};
            respond(socket, *connection, 401, "Unauthorized",
                    QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact));
            return;
        }
        switch (behaviour) {
        case Behaviour::Answer:
        case Behaviour::Slow: {
            const QByteArray answer = completion(m_responder(chunkText), promptTokens, completionTokens);
            const int delay = behaviour == Behaviour::Slow ? m_slowDelayMs.load() : m_answerDelayMs.load();
            // The socket is the timer's context: a client that hung up cancels the answer.
            QTimer::singleShot(delay, socket,
                               [this, socket, connection, answer] { respond(socket, *connection, 200, "OK", answer); });
            break;
        }
        case Behaviour::Error500:
            respond(socket, *connection, 500, "Internal Server Error", R"({"error":{"message":"boom"}})");
            break;
        case Behaviour::Error429:
            respond(socket, *connection, 429, "Too Many Requests", R"({"error":{"message":"slow down"}})",
                    retryAfter.isEmpty() ? QByteArray() : "Retry-After: " + retryAfter + "\r\n");
            break;
        case Behaviour::Error400:
            respond(socket, *connection, 400, "Bad Request", R"({"error":{"message":"unknown model"}})");
            break;
        case Behaviour::Garbage:
            respond(socket, *connection, 200, "OK",
                    completion(QStringLiteral("Sure! Here are the entities: Ada, London."), promptTokens,
                               completionTokens));
            break;
        case Behaviour::Close:
            finish(*connection);
            socket->abort();
            break;
        case Behaviour::CloseMidBody: {
            finish(*connection);
            const QByteArray body = completion(m_responder(chunkText), promptTokens, completionTokens);
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n"
                          + body.left(body.size() / 2));
            socket->flush();
            // Closed once the half is on its way, as a server that crashed while sending would.
            QTimer::singleShot(20, socket, [socket] { socket->disconnectFromHost(); });
            break;
        }
        case Behaviour::Scripted:
            respond(socket, *connection, 200, "OK", completion(scripted, promptTokens, completionTokens));
            break;
        }
    }

    void handleGet(QTcpSocket *socket, const std::shared_ptr<Connection> &connection, const Request &received)
    {
        GetAnswer answer{404, R"({"error":{"message":"not found"}})", 0};
        bool keyRefused = false;
        {
            std::lock_guard lock(m_mutex);
            m_getPaths << received.path;
            keyRefused = !m_requiredKey.isEmpty() && received.authorization != "Bearer " + m_requiredKey;
            const auto found = m_getAnswers.find(received.path);
            if (found != m_getAnswers.end())
                answer = found->second;
        }
        if (keyRefused) {
            respond(socket, *connection, 401, "Unauthorized",
                    R"({"error":{"message":"Incorrect API key provided: )" + received.authorization.mid(7) + "\"}}");
            return;
        }
        const QByteArray reason = answer.status == 200 ? "OK" : answer.status == 404 ? "Not Found" : "Error";
        QTimer::singleShot(answer.delayMs, socket, [this, socket, connection, answer, reason] {
            respond(socket, *connection, answer.status, reason.constData(), answer.body);
        });
    }

    void respond(QTcpSocket *socket, Connection &connection, int status, const char *reason, const QByteArray &body,
                 const QByteArray &extraHeaders = {})
    {
        finish(connection);
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + extraHeaders;
        head += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: keep-alive\r\n\r\n";
        socket->write(head + body);
    }

    void finish(Connection &connection)
    {
        if (connection.pending) {
            connection.pending = false;
            m_inFlight.fetch_sub(1);
        }
    }

    const Responder m_responder;
    QElapsedTimer m_clock;                        // started before the thread; only read after
    QByteArray m_retryAfter;                      // under m_mutex
    QList<qint64> m_requestTimes;                 // under m_mutex
    QByteArray m_requiredKey;                     // under m_mutex
    QList<QByteArray> m_authorizations;           // under m_mutex
    std::map<QByteArray, GetAnswer> m_getAnswers; // under m_mutex
    QList<QByteArray> m_getPaths;                 // under m_mutex
    int m_promptTokens = -1;                      // under m_mutex
    int m_completionTokens = -1;                  // under m_mutex
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; owns the server and its sockets
    std::atomic<quint16> m_port{0};

    mutable std::mutex m_mutex;
    Behaviour m_default = Behaviour::Answer;
    std::deque<Behaviour> m_script;
    std::deque<QString> m_scriptedAnswers;
    QList<QJsonObject> m_responseFormats;
    QStringList m_systemPrompts;
    QStringList m_models;

    std::atomic<int> m_answerDelayMs{0};
    std::atomic<int> m_slowDelayMs{5000};
    std::atomic<int> m_requests{0};
    std::atomic<int> m_inFlight{0};
    std::atomic<int> m_maxInFlight{0};
    std::atomic<int> m_connections{0};
};

} // namespace gw::testing
