// An error the strict front answers with, in place of moto's lenient success (EC2 client errors are HTTP 400).
export interface StrictError {
  code: string;
  message: string;
}
