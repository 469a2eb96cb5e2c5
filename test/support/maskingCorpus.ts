// Strings a user could see, each with the secret parts that must never survive maskSecrets and the parts that
// must stay (so masking does not blank the text a reader needs). Shared by the unit test and the reliability
// suite's maskingCorpus / maskingLeaks figures. The first block is the examples that first leaked, verbatim.

export interface MaskingCase {
  input: string;
  /** Substrings that must not appear in the masked text. */
  secrets: string[];
  /** Substrings that must still appear (user names, hosts, keys). */
  keep?: string[];
  /** Values passed as extraSecretValues (the service's own environment, the session's keys). */
  extra?: string[];
  /** The framework whose log format the line is written in, when it is one. */
  framework?: 'Express' | 'FastAPI' | 'Spring' | 'Go database/sql' | 'Rails';
}

export const MASKING_CORPUS: readonly MaskingCase[] = [
  // What the old maskCredentials let through.
  { input: 'postgres://u:ab/cd@h', secrets: ['ab/cd', 'ab', 'cd@'], keep: ['postgres://u:', '@h'] },
  { input: 'postgres://:secretpw@h', secrets: ['secretpw'], keep: ['@h'] },
  { input: 'postgres://user:p@ss@h', secrets: ['p@ss', ':p@', 'ss@h'], keep: ['postgres://user:', '@h'] },
  { input: 'password=hunter22', secrets: ['hunter22'], keep: ['password='] },
  { input: '{"password":"hunter22"}', secrets: ['hunter22'], keep: ['"password":"'] },
  { input: 'PGPASSWORD=s3cr3t-pg psql -h db', secrets: ['s3cr3t-pg'], keep: ['PGPASSWORD=', 'psql -h db'] },
  {
    input: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
    secrets: ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIi'],
    keep: ['Authorization: Bearer'],
  },
  // URL userinfo in other shapes.
  {
    input: 'DATABASE_URL=postgresql://app:Sup3r$ecret@db.example.internal:5432/app',
    secrets: ['Sup3r$ecret'],
    keep: ['app:', '@db.example.internal:5432/app'],
  },
  {
    input: 'mysql://root:pa:ss:word@10.0.1.5/db',
    secrets: ['pa:ss:word', 'ss:word'],
    keep: ['mysql://root:', '@10.0.1.5/db'],
  },
  { input: 'connect to "postgres://u:pw%40x@h/db" failed', secrets: ['pw%40x'], keep: ['@h/db" failed'] },
  { input: 'redis://:redispass123@cache:6379', secrets: ['redispass123'], keep: ['@cache:6379'] },
  { input: 'https://user:tok3n@github.com/org/repo.git', secrets: ['tok3n'], keep: ['@github.com/org/repo.git'] },
  { input: 'amqp://guest:gu3st!@mq/vhost and postgres://app@db/x', secrets: ['gu3st!'], keep: ['postgres://app@db/x'] },
  {
    input: 'nothing hidden here: https://example.com/path?q=1 and postgres://u@h/db',
    secrets: [],
    keep: ['https://example.com/path?q=1', 'postgres://u@h/db'],
  },
  // key=value, JSON and YAML forms of each key word.
  { input: 'passwd=letmein99 user=bob', secrets: ['letmein99'], keep: ['user=bob'] },
  { input: 'pwd: "opensesame"', secrets: ['opensesame'] },
  { input: 'MYSQL_PWD=mysqlpw77 mysql -u root', secrets: ['mysqlpw77'], keep: ['mysql -u root'] },
  {
    input: 'client_secret=abcXYZ123456&grant_type=client_credentials',
    secrets: ['abcXYZ123456'],
    keep: ['grant_type=client_credentials'],
  },
  { input: 'token=tok_live_998877; path=/', secrets: ['tok_live_998877'], keep: ['path=/'] },
  { input: 'api_key=AIzaSyA-1234567890abcdef', secrets: ['AIzaSyA-1234567890abcdef'] },
  { input: '{"api_key": "k-112233445566", "user": "bob"}', secrets: ['k-112233445566'], keep: ['"user": "bob"'] },
  { input: "{'secret': 'py-dict-secret'}", secrets: ['py-dict-secret'] },
  { input: '{"db":{"Password":"Nested#Pass1"},"ok":true}', secrets: ['Nested#Pass1'], keep: ['"ok":true'] },
  { input: 'body {\\"password\\":\\"esc4ped\\"} end', secrets: ['esc4ped'], keep: ['end'] },
  {
    input: 'database:\n  host: db.internal\n  password: two words here\n  port: 5432',
    secrets: ['two words here', 'words'],
    keep: ['host: db.internal', 'port: 5432'],
  },
  {
    input: 'env:\n  - name: DB_PASSWORD\n    value: "yamlenvpw"\n  - name: PORT\n    value: "8080"',
    secrets: ['yamlenvpw'],
    keep: ['value: "8080"'],
  },
  { input: 'export DB_PASSWORD=shellpw55', secrets: ['shellpw55'] },
  { input: 'access_token=ya29.a0AfH6SMBx', secrets: ['ya29.a0AfH6SMBx'] },
  { input: 'refresh_token: "1//0gLq-refresh"', secrets: ['1//0gLq-refresh'] },
  { input: 'x-api-key: 9f8e7d6c5b4a', secrets: ['9f8e7d6c5b4a'] },
  {
    input: 'ERROR psycopg.OperationalError: password authentication failed for user "app" password=wrongpw1',
    secrets: ['wrongpw1'],
    keep: ['password authentication failed for user "app"'],
  },
  // Authorization headers.
  { input: 'authorization: Basic dXNlcjpwYXNzd29yZA==', secrets: ['dXNlcjpwYXNzd29yZA=='] },
  {
    input:
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261130/ap-northeast-1/ec2/aws4_request, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024',
    secrets: ['AKIAIOSFODNN7EXAMPLE', 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024'],
  },
  {
    input: 'curl -H "Authorization: Bearer abc.def.ghi123" https://api',
    secrets: ['abc.def.ghi123'],
    keep: ['https://api'],
  },
  { input: 'sent Bearer 0123456789abcdefTOKEN to upstream', secrets: ['0123456789abcdefTOKEN'], keep: ['to upstream'] },
  // AWS keys.
  { input: 'key AKIAIOSFODNN7EXAMPLE in use', secrets: ['AKIAIOSFODNN7EXAMPLE'], keep: ['in use'] },
  { input: 'temporary ASIAY34FZKBOKMUTVV7A', secrets: ['ASIAY34FZKBOKMUTVV7A'] },
  {
    input: 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    secrets: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  },
  {
    input: 'the key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY leaked',
    secrets: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    keep: ['leaked'],
  },
  {
    input:
      '{"SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","SessionToken":"FwoGZXIvYXdzEJr//////////wEaDM"}',
    secrets: ['wJalrXUtnFEMI', 'FwoGZXIvYXdzEJr'],
  },
  {
    input: 'X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr%2F%2F%2F%2F&X-Amz-Date=20261130T000000Z',
    secrets: ['IQoJb3JpZ2luX2VjEJr'],
    keep: ['X-Amz-Date=20261130T000000Z'],
  },
  {
    input: 'token IQoJb3JpZ2luX2VjEJr//////////wEaDmFwLW5vcnRoZWFzdC0xIkcwRQIhAO1234567890abcdefghijklmnop',
    secrets: ['IQoJb3JpZ2luX2VjEJr'],
  },
  // Values known by value: the service's environment, the session's credentials.
  {
    input: 'GET /api/v1/db-health: {"status":"healthy","dsn_hint":"hunter-by-value-42"}',
    secrets: ['hunter-by-value-42'],
    extra: ['hunter-by-value-42'],
  },
  { input: 'log: connecting with Zq8!weird"pw', secrets: ['Zq8!weird"pw'], extra: ['Zq8!weird"pw'] },
  { input: '{"msg":"connecting with Zq8!weird\\"pw"}', secrets: ['Zq8!weird\\"pw'], extra: ['Zq8!weird"pw'] },
  { input: 'url postgres://app:%40t%2Fhash@db/x', secrets: ['%40t%2Fhash'], extra: ['@t/hash'] },
  // Text that must stay as it is (identifiers that name a secret, digests, paths, plain words).
  {
    input: 'SecretArn: arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:rds-db-AbCdEf',
    secrets: [],
    keep: ['arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:rds-db-AbCdEf'],
  },
  {
    input:
      'commit 3f786850e387550fdab836ed7e6dc881de23001b in /aws/apprunner/kyudai-api/0123456789abcdef0123456789abcdef/application',
    secrets: [],
    keep: [
      '3f786850e387550fdab836ed7e6dc881de23001b',
      '/aws/apprunner/kyudai-api/0123456789abcdef0123456789abcdef/application',
    ],
  },
  {
    input: 'sg-0abc1234 allows tcp 5432 from sg-0def5678; Successfully connected to database',
    secrets: [],
    keep: ['sg-0abc1234 allows tcp 5432 from sg-0def5678; Successfully connected to database'],
  },
  {
    input: 'password authentication failed for user "app"',
    secrets: [],
    keep: ['password authentication failed for user "app"'],
  },
  // The security review's second pass: shapes real logs have that the first masker let through.
  { input: '{"user":"bob","pass":"json-pass-val"}', secrets: ['json-pass-val'], keep: ['"user":"bob"'] },
  { input: 'DB_PASS=envpassval ./server', secrets: ['envpassval'], keep: ['./server'] },
  { input: 'bypass=true passage=open', secrets: [], keep: ['bypass=true passage=open'] },
  {
    input: 'open mysql: app:gomysqlpw@tcp(db.internal:3306)/app',
    secrets: ['gomysqlpw'],
    keep: ['app:', '@tcp(db.internal:3306)/app'],
  },
  {
    input: 'connecting to postgres://app:my secret pw@db:5432/app now',
    secrets: ['my secret pw', 'secret pw'],
    keep: ['postgres://app:', '@db:5432/app now'],
  },
  { input: 'url=postgres://app:pa"ss@db/app', secrets: ['pa"ss', 'ss@'], keep: ['@db/app'] },
  { input: "url=postgres://app:pa'ss@db/app", secrets: ["pa'ss", 'ss@'], keep: ['@db/app'] },
  {
    input: 'token refreshed eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlMTIz ok',
    secrets: ['eyJzdWIiOiIxMjMifQ', 'c2lnbmF0dXJlMTIz'],
    keep: ['token refreshed', ' ok'],
  },
  { input: 'Cookie: session=abcdef123456; lang=en', secrets: ['abcdef123456'], keep: ['Cookie: session='] },
  {
    input: 'redirect to /callback?code=oauthc0de123&state=s1',
    secrets: ['oauthc0de123'],
    keep: ['/callback?code=', '&state=s1'],
  },
  { input: 'using ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', secrets: ['ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'] },
  { input: 'stripe key sk_live_51HxYzAbCdEfGhIjKlMnOp', secrets: ['sk_live_51HxYzAbCdEfGhIjKlMnOp'] },
  {
    input: 'slack xoxb-123456789012-1234567890123-AbCdEfGhIjKl',
    secrets: ['xoxb-123456789012-1234567890123-AbCdEfGhIjKl'],
  },
  { input: '{"secrets":"plural-secret-val"}', secrets: ['plural-secret-val'] },
  { input: '{"credentials":"user:plural-cred-pw"}', secrets: ['plural-cred-pw'] },
  { input: '{"tokens":["t-one-11","t-two-22"],"n":2}', secrets: ['t-one-11', 't-two-22'], keep: ['"n":2'] },
  { input: '{"password":{"value":"nested-val-1"},"ok":1}', secrets: ['nested-val-1'], keep: ['"ok":1'] },
  { input: 'max_tokens=100 temperature=0', secrets: [], keep: ['max_tokens=100'] },
  // No partial leak, one case per quoting form.
  { input: '{"password":"ab\\"cdef"}', secrets: ['cdef', 'ab\\'], keep: ['"password":"'] },
  { input: "{'password': 'ab\\'cdef'}", secrets: ['cdef', 'ab\\'] },
  { input: 'body {\\"password\\":\\"ab\\\\\\"cdef\\"} end', secrets: ['cdef', 'ab'], keep: ['end'] },
  { input: 'password=my secret phrase', secrets: ['secret phrase', 'phrase', 'my'] },
  { input: 'db:\n  password: "ab \\" cdef"\n  port: 5432', secrets: ['cdef', 'ab'], keep: ['port: 5432'] },
  { input: 'DB_PASSWORD="my secret" ./run', secrets: ['my secret', 'secret'], keep: ['./run'] },
  { input: "DB_PASSWORD='my secret' ./run", secrets: ['my secret', 'secret'], keep: ['./run'] },
  { input: '{"password":"truncated-line-val', secrets: ['truncated-line-val'] },
  // Express (morgan, debug, node-postgres, pino, winston).
  {
    framework: 'Express',
    input:
      '::ffff:10.0.1.23 - - [07/Dec/2026:10:00:00 +0000] "GET /auth/callback?code=4/0AX4XfWhSecretCode&state=xyz HTTP/1.1" 302 0 "-" "Mozilla/5.0"',
    secrets: ['4/0AX4XfWhSecretCode'],
    keep: ['state=xyz HTTP/1.1" 302'],
  },
  {
    framework: 'Express',
    input: 'POST /login 200 12.345 ms - 17 body={"email":"a@b.co","password":"expr3ss-pw"}',
    secrets: ['expr3ss-pw'],
    keep: ['"email":"a@b.co"'],
  },
  {
    framework: 'Express',
    input:
      "express:router headers { host: 'api.example.com', cookie: 'connect.sid=s%3Aabc123def456.sigXYZ; theme=dark', authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2ln' }",
    secrets: ['abc123def456', 'eyJzdWIiOiI0MiJ9'],
    keep: ["host: 'api.example.com'"],
  },
  {
    framework: 'Express',
    input:
      "Error: connect ECONNREFUSED 10.0.2.15:5432 { connectionString: 'postgres://app:n0de-pg-pw@10.0.2.15:5432/app' }",
    secrets: ['n0de-pg-pw'],
    keep: ['ECONNREFUSED 10.0.2.15:5432', '@10.0.2.15:5432/app'],
  },
  {
    framework: 'Express',
    input: "pg pool config { user: 'app', password: 'pg-pool-pw', host: 'db', port: 5432 }",
    secrets: ['pg-pool-pw'],
    keep: ["user: 'app'", "host: 'db'"],
  },
  {
    framework: 'Express',
    input: 'Set-Cookie: session=s%3AeyJ1c2VyIjo0Mn0abc; Path=/; HttpOnly; Secure',
    secrets: ['eyJ1c2VyIjo0Mn0abc'],
    keep: ['Path=/', 'HttpOnly'],
  },
  {
    framework: 'Express',
    input:
      '{"level":30,"time":1765101600000,"req":{"method":"POST","url":"/login","headers":{"authorization":"Basic YWRtaW46cGlubzEyMw=="}},"msg":"request completed"}',
    secrets: ['YWRtaW46cGlubzEyMw=='],
    keep: ['"msg":"request completed"', '"url":"/login"'],
  },
  {
    framework: 'Express',
    input: 'info: Connecting to mongodb+srv://admin:W1nst0n!pw@cluster0.abcde.mongodb.net/app?retryWrites=true',
    secrets: ['W1nst0n!pw'],
    keep: ['@cluster0.abcde.mongodb.net/app?retryWrites=true'],
  },
  {
    framework: 'Express',
    input:
      'knex:client acquired connection {"client":"pg","connection":{"host":"db","user":"app","password":"kn3x-pw","database":"app"}}',
    secrets: ['kn3x-pw'],
    keep: ['"database":"app"'],
  },
  {
    framework: 'Express',
    input: 'Server listening on http://0.0.0.0:3000 - contact ops@example.com',
    secrets: [],
    keep: ['Server listening on http://0.0.0.0:3000 - contact ops@example.com'],
  },
  {
    framework: 'Express',
    input: 'StripeAuthenticationError: Invalid API Key provided: sk_test_51HxYzAbCdEfGhIjKlMn',
    secrets: ['sk_test_51HxYzAbCdEfGhIjKlMn'],
    keep: ['StripeAuthenticationError: Invalid API Key provided'],
  },
  {
    framework: 'Express',
    input: 'git clone https://x-access-token:ghs_16C7e42F292c6912E7710c838347Ae178B4a@github.com/org/repo.git',
    secrets: ['ghs_16C7e42F292c6912E7710c838347Ae178B4a'],
    keep: ['@github.com/org/repo.git'],
  },
  {
    framework: 'Express',
    input: 'POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX failed: 404',
    secrets: ['XXXXXXXXXXXXXXXXXXXXXXXX', 'B00000000'],
    keep: ['hooks.slack.com/services/', 'failed: 404'],
  },
  // FastAPI / uvicorn / Starlette / SQLAlchemy / pydantic.
  {
    framework: 'FastAPI',
    input: 'INFO:     10.0.0.5:51234 - "GET /callback?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj HTTP/1.1" 200 OK',
    secrets: ['SplxlOBeZQQYbYS6WxSbIA'],
    keep: ['state=af0ifjsldkj HTTP/1.1" 200 OK'],
  },
  {
    framework: 'FastAPI',
    input: 'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
    secrets: [],
    keep: ['INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)'],
  },
  {
    framework: 'FastAPI',
    input:
      "1 validation error for Settings\ndatabase_url\n  Input should be a valid URL [type=url_parsing, input_value='postgresql://fast:pyd4ntic-pw@db:5432/app', input_type=str]",
    secrets: ['pyd4ntic-pw'],
    keep: ['@db:5432/app', 'input_type=str'],
  },
  {
    framework: 'FastAPI',
    input:
      'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "db" (10.0.1.5), port 5432 failed: FATAL:  password authentication failed for user "app"',
    secrets: [],
    keep: ['password authentication failed for user "app"', 'port 5432 failed'],
  },
  {
    framework: 'FastAPI',
    input: "settings loaded: {'DB_HOST': 'db', 'DB_PASS': 'fast-api-pass', 'DEBUG': False}",
    secrets: ['fast-api-pass'],
    keep: ["'DB_HOST': 'db'", "'DEBUG': False"],
  },
  {
    framework: 'FastAPI',
    input: 'DEBUG:    Authorization header: Bearer ya29.a0ARrdaMfastapiTokenValue',
    secrets: ['ya29.a0ARrdaMfastapiTokenValue'],
  },
  {
    framework: 'FastAPI',
    input: "Headers({'host': 'api', 'cookie': 'session=eyJ1c2VyX2lkIjogNDJ9.ZxYw.sig123; csrftoken=Abc123Def456'})",
    secrets: ['eyJ1c2VyX2lkIjogNDJ9', 'Abc123Def456'],
    keep: ["'host': 'api'"],
  },
  {
    framework: 'FastAPI',
    input: "passlib.exc: verify(secret='plain-text-pw', hash='$2b$12$abc')",
    secrets: ['plain-text-pw'],
  },
  {
    framework: 'FastAPI',
    input: '  File "/app/db.py", line 12, in connect\n    password = \'tr4ceback-pw\'\n    ^^^^^^^^',
    secrets: ['tr4ceback-pw'],
    keep: ['File "/app/db.py", line 12, in connect'],
  },
  {
    framework: 'FastAPI',
    input:
      "httpx.HTTPStatusError: Client error '401 Unauthorized' for url 'https://api.example.com/v1/items?api_key=HTTPX-key-0042'",
    secrets: ['HTTPX-key-0042'],
    keep: ["Client error '401 Unauthorized'"],
  },
  {
    framework: 'FastAPI',
    input:
      '{"asctime": "2026-12-07 10:00:00", "levelname": "ERROR", "message": "login failed", "credentials": {"username": "bob", "password": "j50n-pw"}}',
    secrets: ['j50n-pw'],
    keep: ['"message": "login failed"'],
  },
  {
    framework: 'FastAPI',
    input: 'WARNING:  Invalid HTTP request received. client_secret=fa5t-cl1ent-secret&grant_type=authorization_code',
    secrets: ['fa5t-cl1ent-secret'],
    keep: ['grant_type=authorization_code'],
  },
  // Spring Boot (Hikari, properties, actuator, Tomcat access log, Logback JSON).
  {
    framework: 'Spring',
    input:
      '2026-12-07 10:00:00.000  INFO 1 --- [main] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - jdbc:postgresql://db:5432/app?user=spring&password=Spr1ng-pw&ssl=true',
    secrets: ['Spr1ng-pw'],
    keep: ['user=spring', '&ssl=true'],
  },
  { framework: 'Spring', input: 'spring.datasource.password=boot-props-pw', secrets: ['boot-props-pw'] },
  {
    framework: 'Spring',
    input: 'spring:\n  datasource:\n    password: ${DB_PASSWORD:s3cret-default}\n    url: jdbc:postgresql://db/app',
    secrets: ['s3cret-default'],
    keep: ['url: jdbc:postgresql://db/app'],
  },
  {
    framework: 'Spring',
    input:
      '{"propertySources":[{"name":"systemEnvironment","properties":{"DB_PASSWORD":{"value":"actu4tor-pw","origin":"System Environment Property"}}}]}',
    secrets: ['actu4tor-pw'],
    keep: ['"name":"systemEnvironment"'],
  },
  {
    framework: 'Spring',
    input:
      'o.s.s.oauth2.client : Retrieved token response: access_token=eyJraWQiOiJzcHJpbmcifQ.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl',
    secrets: ['eyJzdWIiOiJ1c2VyIn0', 'c2lnbmF0dXJl'],
    keep: ['Retrieved token response'],
  },
  {
    framework: 'Spring',
    input:
      'Set SecurityContextHolder to UsernamePasswordAuthenticationToken [Principal=user, Credentials=[PROTECTED], Authenticated=true]',
    secrets: [],
    keep: ['Credentials=[PROTECTED]', 'Authenticated=true'],
  },
  {
    framework: 'Spring',
    input: 'org.postgresql.util.PSQLException: FATAL: password authentication failed for user "spring"',
    secrets: [],
    keep: ['password authentication failed for user "spring"'],
  },
  {
    framework: 'Spring',
    input: '10.0.0.1 - - [07/Dec/2026:10:00:00 +0000] "GET /api/items?access_token=t0mc4t-token-99 HTTP/1.1" 200 512',
    secrets: ['t0mc4t-token-99'],
    keep: ['HTTP/1.1" 200 512'],
  },
  {
    framework: 'Spring',
    input:
      '{"@timestamp":"2026-12-07T10:00:00Z","level":"DEBUG","logger_name":"RestTemplate","message":"HTTP POST https://auth/token, headers=[Authorization:\\"Basic c3ByaW5nOmJvb3Q=\\", Content-Type:\\"application/x-www-form-urlencoded\\"]"}',
    secrets: ['c3ByaW5nOmJvb3Q='],
    keep: ['"logger_name":"RestTemplate"'],
  },
  {
    framework: 'Spring',
    input:
      'com.mongodb.MongoSocketOpenException: Exception opening socket to mongodb://spr1ng:m0ng0-pw@mongo:27017/admin',
    secrets: ['m0ng0-pw'],
    keep: ['@mongo:27017/admin'],
  },
  { framework: 'Spring', input: 'javax.net.ssl.keyStorePassword=k3ystore-pw', secrets: ['k3ystore-pw'] },
  {
    framework: 'Spring',
    input: 'Located environment: name=app, profiles=[prod], label=null, version=abc, state=null',
    secrets: [],
    keep: ['Located environment: name=app, profiles=[prod], label=null, version=abc, state=null'],
  },
  {
    framework: 'Spring',
    input: 'Caused by: java.sql.SQLException: Access denied; url=jdbc:mysql://app:j4va-mysql-pw@mysql:3306/app',
    secrets: ['j4va-mysql-pw'],
    keep: ['@mysql:3306/app'],
  },
  // Go (database/sql with go-sql-driver/mysql, lib/pq, pgx; log, slog, zap, logrus).
  {
    framework: 'Go database/sql',
    input: "2026/12/07 10:00:00 sql: open failed: Error 1045 (28000): Access denied for user 'app'@'10.0.1.9'",
    secrets: [],
    keep: ["Access denied for user 'app'@'10.0.1.9'"],
  },
  {
    framework: 'Go database/sql',
    input: '2026/12/07 10:00:00 dsn=app:g0-mysql-pw@tcp(10.0.1.5:3306)/app?parseTime=true',
    secrets: ['g0-mysql-pw'],
    keep: ['app:', '@tcp(10.0.1.5:3306)/app?parseTime=true'],
  },
  {
    framework: 'Go database/sql',
    input: 'pq: password authentication failed for user "gouser"',
    secrets: [],
    keep: ['pq: password authentication failed for user "gouser"'],
  },
  {
    framework: 'Go database/sql',
    input: '2026/12/07 sql.Open("postgres", "host=db port=5432 user=app password=g0-pq-pw dbname=app sslmode=disable")',
    secrets: ['g0-pq-pw'],
    keep: ['dbname=app sslmode=disable'],
  },
  {
    framework: 'Go database/sql',
    input:
      'failed to connect to `host=db user=app database=app`: failed SASL auth (FATAL: password authentication failed for user "app" (SQLSTATE 28P01))',
    secrets: [],
    keep: ['failed SASL auth', 'SQLSTATE 28P01'],
  },
  {
    framework: 'Go database/sql',
    input:
      '{"level":"error","ts":1765101600.1,"caller":"db/db.go:42","msg":"open db","dsn":"root:z4p-pw@tcp(mysql:3306)/app","error":"dial tcp: i/o timeout"}',
    secrets: ['z4p-pw'],
    keep: ['"error":"dial tcp: i/o timeout"', '@tcp(mysql:3306)/app'],
  },
  {
    framework: 'Go database/sql',
    input: 'time=2026-12-07T10:00:00Z level=ERROR msg="db ping failed" db_pass=sl0g-pw retry=3',
    secrets: ['sl0g-pw'],
    keep: ['retry=3', 'msg="db ping failed"'],
  },
  {
    framework: 'Go database/sql',
    input: 'sql: connecting postgres://gouser:pq%23pw@db:5432/app?sslmode=require',
    secrets: ['pq%23pw'],
    keep: ['@db:5432/app?sslmode=require'],
  },
  {
    framework: 'Go database/sql',
    input: 'time="2026-12-07T10:00:00Z" level=info msg="using token" token="logrus-t0ken-val"',
    secrets: ['logrus-t0ken-val'],
    keep: ['msg="using token"'],
  },
  {
    framework: 'Go database/sql',
    input: 'db.go:31: mysql.Config{User:"app", Passwd:"g0-cfg-pw", Net:"tcp", Addr:"db:3306", DBName:"app"}',
    secrets: ['g0-cfg-pw'],
    keep: ['Addr:"db:3306"'],
  },
  {
    framework: 'Go database/sql',
    input:
      '[mysql] 2026/12/07 10:00:00 packets.go:37: unexpected EOF; dsn root:pw-with@at@unix(/var/run/mysqld.sock)/db',
    secrets: ['pw-with@at', 'with@at'],
    keep: ['@unix(/var/run/mysqld.sock)/db'],
  },
  // Rails (ActionController parameters, ActiveRecord, Sidekiq, Rack cookies).
  {
    framework: 'Rails',
    input: 'Started POST "/users/sign_in" for 10.0.0.1 at 2026-12-07 10:00:00 +0000',
    secrets: [],
    keep: ['Started POST "/users/sign_in" for 10.0.0.1 at 2026-12-07 10:00:00 +0000'],
  },
  {
    framework: 'Rails',
    input:
      '  Parameters: {"authenticity_token"=>"r4ils-csrf-token==", "user"=>{"email"=>"a@b.co", "password"=>"r4ils-pw", "remember_me"=>"0"}, "commit"=>"Log in"}',
    secrets: ['r4ils-pw', 'r4ils-csrf-token=='],
    keep: ['"commit"=>"Log in"', '"email"=>"a@b.co"'],
  },
  {
    framework: 'Rails',
    input: '  Parameters: {"user" => {"password" => "r4ils71-pw"}}',
    secrets: ['r4ils71-pw'],
  },
  {
    framework: 'Rails',
    input: '  Parameters: {"user"=>{"password"=>"[FILTERED]"}}',
    secrets: [],
    keep: ['"password"=>"[FILTERED]"'],
  },
  {
    framework: 'Rails',
    input: 'Processing by SessionsController#create as HTML',
    secrets: [],
    keep: ['Processing by SessionsController#create as HTML'],
  },
  {
    framework: 'Rails',
    input:
      'ActiveRecord::ConnectionNotEstablished: connection to server at "db" (10.0.1.5), port 5432 failed: FATAL:  password authentication failed for user "rails"',
    secrets: [],
    keep: ['password authentication failed for user "rails"'],
  },
  {
    framework: 'Rails',
    input: 'DATABASE_URL=postgres://rails:r41ls-db-pw@db/app_production bin/rails db:migrate',
    secrets: ['r41ls-db-pw'],
    keep: ['@db/app_production', 'bin/rails db:migrate'],
  },
  {
    framework: 'Rails',
    input: 'production:\n  secret_key_base: 3b7cd727ee24e8444053437c36cc66c3\n  adapter: postgresql',
    secrets: ['3b7cd727ee24e8444053437c36cc66c3'],
    keep: ['adapter: postgresql'],
  },
  {
    framework: 'Rails',
    input: 'Booting Sidekiq 7.2.0 with options {:url=>"redis://:s1dek1q-pw@redis:6379/0"}',
    secrets: ['s1dek1q-pw'],
    keep: ['@redis:6379/0'],
  },
  {
    framework: 'Rails',
    input: 'user attributes {:password=>"sym-pw-42", :username=>"bob"}',
    secrets: ['sym-pw-42'],
    keep: [':username=>"bob"'],
  },
  {
    framework: 'Rails',
    input: 'Completed 401 Unauthorized in 12ms (ActiveRecord: 1.2ms | Allocations: 3456)',
    secrets: [],
    keep: ['Completed 401 Unauthorized in 12ms (ActiveRecord: 1.2ms | Allocations: 3456)'],
  },
  {
    framework: 'Rails',
    input: 'Cookie: _myapp_session=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA%3D%3D--abc123def456; locale=ja',
    secrets: ['Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA', 'abc123def456'],
  },
  {
    framework: 'Rails',
    input: 'smtp_settings: {:address=>"smtp.example.com", :user_name=>"mailer", :password=>"smtp-r4ils-pw"}',
    secrets: ['smtp-r4ils-pw'],
    keep: [':address=>"smtp.example.com"'],
  },
  {
    framework: 'Rails',
    input: 'Redirected to https://app.example.com/auth/callback?code=r4ilsOAuthCode77&state=abc',
    secrets: ['r4ilsOAuthCode77'],
    keep: ['&state=abc'],
  },
  {
    framework: 'Rails',
    input:
      'Net::HTTP POST https://api.github.com/graphql Authorization: token ghp_R4ilsGhTokenAbCdEfGhIjKlMnOpQrStUvWx12',
    secrets: ['ghp_R4ilsGhTokenAbCdEfGhIjKlMnOpQrStUvWx12'],
    keep: ['https://api.github.com/graphql'],
  },
  {
    framework: 'Express',
    input: "morgan: POST /api/token 200 - body: { grant_type: 'password', username: 'bob', password: 'm0rgan-pw' }",
    secrets: ['m0rgan-pw'],
    keep: ["username: 'bob'"],
  },
  {
    framework: 'Express',
    input: "TypeError: Cannot read properties of undefined (reading 'token') at /app/routes/auth.js:42:18",
    secrets: [],
    keep: ["TypeError: Cannot read properties of undefined (reading 'token') at /app/routes/auth.js:42:18"],
  },
  {
    framework: 'FastAPI',
    input: 'INFO:     10.0.0.7:40112 - "POST /token HTTP/1.1" 200 OK body=username=bob&password=f0rm-pw&scope=',
    secrets: ['f0rm-pw'],
    keep: ['"POST /token HTTP/1.1" 200 OK', '&scope='],
  },
  {
    framework: 'FastAPI',
    input:
      "redis.exceptions.AuthenticationError: invalid username-password pair; url='redis://default:r3dis-py-pw@cache:6379/0'",
    secrets: ['r3dis-py-pw'],
    keep: ['@cache:6379/0'],
  },
  {
    framework: 'Spring',
    input:
      '2026-12-07T10:00:00.000Z DEBUG 1 --- [nio-8080-exec-1] o.a.c.c.C.[Tomcat].[localhost] : Cookie: JSESSIONID=8F3A2B1C9D0E7F6A5B4C3D2E1F0A9B8C',
    secrets: ['8F3A2B1C9D0E7F6A5B4C3D2E1F0A9B8C'],
    keep: ['JSESSIONID='],
  },
  {
    framework: 'Spring',
    input:
      'Binding to target [Bindable@1a2b type = DataSourceProperties] failed: Property: spring.datasource.password Value: "b1nd-pw"',
    secrets: ['b1nd-pw'],
    keep: ['Binding to target', 'Property: spring.datasource.password Value: "'],
  },
  {
    framework: 'Express',
    input: 'passport-local: authenticate {"username":"bob","password":"p4ssp0rt-pw"} -> 401',
    secrets: ['p4ssp0rt-pw'],
    keep: ['"username":"bob"', '-> 401'],
  },
  {
    framework: 'Go database/sql',
    input: '2026/12/07 10:00:00 http: GET /oauth/callback?state=s1&code=g0-0auth-c0de 302',
    secrets: ['g0-0auth-c0de'],
    keep: ['state=s1', ' 302'],
  },
  {
    framework: 'Go database/sql',
    input:
      'panic: sql: unknown driver "postgress" (forgotten import?) with DATABASE_URL=postgres://go:g0-panic-pw@db/app',
    secrets: ['g0-panic-pw'],
    keep: ['unknown driver "postgress"', '@db/app'],
  },
  {
    framework: 'Rails',
    input:
      'PG::ConnectionBad: connection to server at "10.0.1.5", port 5432 failed: FATAL:  password authentication failed for user "app"',
    secrets: [],
    keep: ['PG::ConnectionBad', 'password authentication failed for user "app"'],
  },
  {
    framework: 'Rails',
    input:
      'Rails.application.credentials: {:aws=>{:access_key_id=>"AKIAIOSFODNN7EXAMPLE", :secret_access_key=>"r4ils/S3cretAccessKeyValue"}}',
    secrets: ['AKIAIOSFODNN7EXAMPLE', 'r4ils/S3cretAccessKeyValue'],
    keep: ['Rails.application.credentials'],
  },
  {
    framework: 'Go database/sql',
    input: '2026/12/07 10:00:00 main.go:27: config: {DBUser:app DBPass:g0-struct-pw DBHost:db}',
    secrets: ['g0-struct-pw'],
    keep: ['DBHost:db'],
  },
];
