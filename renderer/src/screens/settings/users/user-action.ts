// What the Users section is doing to a row: at most one dialog is open at a time.
import type { UserDto } from '../../../api/contract';

export type UserAction =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserDto }
  | { kind: 'reset'; user: UserDto }
  | { kind: 'toggleActive'; user: UserDto };
