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
];
