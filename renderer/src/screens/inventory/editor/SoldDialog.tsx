// Selling a car records the sale price and date (cars.setStatus to SOLD).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { TextField } from '../../../components/TextField';
import { carMessage } from '../car-messages';
import { dateInputToIso, parseNumber, todayIsoDate } from '../format';

interface SoldDialogProps {
  open: boolean;
  askingPrice: number;
  busy: boolean;
  onSell: (soldPriceEur: number, soldAt: string) => void;
  onCancel: () => void;
}

export function SoldDialog({ open, askingPrice, busy, onSell, onCancel }: SoldDialogProps) {
  const { t } = useTranslation();
  const [price, setPrice] = useState(String(askingPrice));
  const [date, setDate] = useState(todayIsoDate());
  const [errors, setErrors] = useState<{ price?: string; date?: string }>({});

  function submit() {
    const value = parseNumber(price);
    const at = dateInputToIso(date);
    const next: { price?: string; date?: string } = {};
    if (value === null || Number.isNaN(value)) next.price = carMessage(t, 'Enter the sale price.');
    else if (value < 0) next.price = carMessage(t, 'Cannot be negative.');
    if (!at) next.date = t('inventory.statusPanel.soldDateRequired');
    else if (new Date(at).getTime() > Date.now() + 86_400_000) next.date = t('inventory.statusPanel.soldDateFuture');
    setErrors(next);
    if (next.price || next.date || value === null || !at) return;
    onSell(value, at);
  }

  return (
    <Dialog
      open={open}
      title={t('inventory.statusPanel.sellTitle')}
      onClose={onCancel}
      busy={busy}
      testId="sold-dialog"
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="sold-form" className="button button--primary" disabled={busy}>
            {t('inventory.statusPanel.sellConfirm')}
          </button>
        </>
      }
    >
      <form
        id="sold-form"
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField label={t('inventory.statusPanel.soldPrice')} value={price} onValueChange={setPrice} inputMode="decimal" required error={errors.price} hint={t('inventory.editor.euroHint')} />
        <TextField label={t('inventory.statusPanel.soldAt')} type="date" value={date} onValueChange={setDate} required error={errors.date} />
      </form>
    </Dialog>
  );
}
