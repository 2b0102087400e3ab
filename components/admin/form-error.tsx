// Why an admin form was refused, read out when it appears.
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="w-full text-sm text-danger">
      {message}
    </p>
  );
}
